package mcollective.soak;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A deliberately raw STOMP 1.0 publisher: it writes SEND frames with whatever bodies and headers it is given (the
 * project's {@code StompClient} would refuse or escape the odd ones) and reconnects when the broker drops it.
 * Not thread-safe.
 */
public final class StompSender implements AutoCloseable {
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private Socket socket;
    private OutputStream out;
    private int reconnects;

    public StompSender(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** How often the broker dropped the connection and it was made again. */
    public int reconnects() {
        return reconnects;
    }

    /**
     * Sends one message; {@code odd} > 0 adds odd headers chosen by {@code random}. Reconnects once on failure.
     *
     * @throws IOException if the broker cannot be reached twice in a row
     */
    public void send(String destination, String identity, byte[] body, Random random, boolean odd) throws IOException {
        StringBuilder h = new StringBuilder("SEND\n");
        h.append("expires:").append(System.currentTimeMillis() + 70_000).append('\n');
        h.append("reply-to:/queue/mcollective.reply.soak\nmc_sender:soak\n");
        if (destination.startsWith("/queue/")) {
            h.append("mc_identity:").append(identity).append('\n');
        }
        if (odd) {
            h.append(
                    switch (random.nextInt(6)) {
                        case 0 -> "expires:-1\n";
                        case 1 -> "mc_identity:" + "x".repeat(5000) + "\n";
                        case 2 -> "timestamp:notanumber\n";
                        case 3 -> "reply-to:\\n\\c\n";
                        case 4 -> "content-type:application/x-garbage; charset=EBCDIC\n";
                        default -> "priority:99999999999999999\n";
                    });
        }
        h.append("destination:").append(destination).append('\n');
        h.append("content-length:").append(body.length).append("\n\n");
        for (int attempt = 0; ; attempt++) {
            try {
                ensureOpen();
                out.write(h.toString().getBytes(StandardCharsets.UTF_8));
                out.write(body);
                out.write(0);
                return;
            } catch (IOException e) {
                closeQuietly();
                if (attempt > 0) {
                    throw e;
                }
                reconnects++;
            }
        }
    }

    /** Flushes buffered frames. */
    public void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    private void ensureOpen() throws IOException {
        if (socket != null) {
            return;
        }
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 5000);
        socket.setSoTimeout(5000);
        out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        out.write(("CONNECT\nlogin:" + user + "\npasscode:" + password + "\n\n\0").getBytes(StandardCharsets.UTF_8));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder reply = new StringBuilder();
        for (int c; (c = in.read()) > 0; ) {
            reply.append((char) c);
        }
        if (!reply.toString().startsWith("CONNECTED")) {
            closeQuietly();
            throw new IOException("Broker did not answer CONNECT: " + reply);
        }
        Thread drain = new Thread(() -> drain(in), "soak-drain");
        drain.setDaemon(true);
        drain.start();
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[8192];
        try {
            while (in.read(buffer) >= 0) {
                // ERROR frames and receipts are dropped: the broker closes after an ERROR anyway
            }
        } catch (IOException e) {
            // connection gone
        }
    }

    private void closeQuietly() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            // nothing to do
        }
        socket = null;
        out = null;
    }

    @Override
    public void close() {
        try {
            flush();
        } catch (IOException e) {
            // closing anyway
        }
        closeQuietly();
    }
}
