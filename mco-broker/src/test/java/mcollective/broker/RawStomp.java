package mcollective.broker;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A deliberately small STOMP 1.0/1.1 client over a raw socket, written for the broker tests so that they depend on
 * nothing but the JDK: it writes frames byte for byte and reads them back honouring {@code content-length}, so a
 * body may hold NUL bytes. Heart-beat newlines between frames are skipped. Not thread-safe.
 */
final class RawStomp implements AutoCloseable {
    private final ArrayDeque<Frame> early = new ArrayDeque<>();
    /** One frame as received. */
    record Frame(String command, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.getOrDefault(name, "");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawStomp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static RawStomp open(String host, int port) {
        try {
            return new RawStomp(new Socket(host, port));
        } catch (IOException e) {
            throw new UncheckedIOException("connecting to " + host + ":" + port, e);
        }
    }

    /** A connection whose receive buffer is {@code receiveBuffer} bytes, so that a client not reading stalls soon. */
    static RawStomp open(String host, int port, int receiveBuffer) {
        try {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(receiveBuffer);
            socket.connect(new InetSocketAddress(host, port));
            return new RawStomp(socket);
        } catch (IOException e) {
            throw new UncheckedIOException("connecting to " + host + ":" + port, e);
        }
    }

    static RawStomp over(Socket socket) {
        try {
            return new RawStomp(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends CONNECT (STOMP 1.0 unless {@code extra} asks for more) and returns the broker's answer. */
    Frame connect(String login, String passcode, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("login", login);
        headers.put("passcode", passcode);
        headers.putAll(extra);
        send("CONNECT", headers, new byte[0]);
        return receive(Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError("no answer to CONNECT"));
    }

    /** Subscribes and waits for the broker's receipt, so that later sends are sure to reach this subscriber. */
    void subscribe(String destination, String id, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("destination", destination);
        headers.put("id", id);
        headers.put("receipt", "sub-" + id);
        headers.putAll(extra);
        send("SUBSCRIBE", headers, new byte[0]);
        Frame receipt = awaitReceipt();
        if (!"RECEIPT".equals(receipt.command())) {
            throw new AssertionError("SUBSCRIBE " + destination + " answered " + receipt);
        }
    }

    /** Sends a message with a content-length, and a receipt so that it is known to be routed on return. */
    void sendTo(String destination, Map<String, String> extra, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("destination", destination);
        headers.put("content-length", Integer.toString(body.length));
        headers.put("receipt", "send-" + System.nanoTime());
        headers.putAll(extra);
        send("SEND", headers, body);
        Frame receipt = awaitReceipt();
        if (!"RECEIPT".equals(receipt.command())) {
            throw new AssertionError("SEND " + destination + " answered " + receipt.command() + " " + receipt.headers()
                    + " " + receipt.text());
        }
    }

    /** Writes these bytes as they are: a frame, part of one, or anything else. */
    void write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + bytes.length + " bytes", e);
        }
    }

    void send(String command, Map<String, String> headers, byte[] body) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(command).append('\n');
        headers.forEach((k, v) -> head.append(k).append(':').append(v).append('\n'));
        head.append('\n');
        frame.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        frame.writeBytes(body);
        frame.write(0);
        write(frame.toByteArray());
    }

    /**
     * The answer to a frame sent with a receipt header; MESSAGE frames that arrive first (a subscription already
     * delivering) are kept for {@link #receive}.
     */
    private Frame awaitReceipt() {
        while (true) {
            Frame frame = read(Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError("no RECEIPT"));
            if (!"MESSAGE".equals(frame.command())) {
                return frame;
            }
            early.add(frame);
        }
    }

    /** The next frame, or empty if none arrives within {@code wait} or the broker closed the connection. */
    Optional<Frame> receive(Duration wait) {
        Frame kept = early.poll();
        return kept != null ? Optional.of(kept) : read(wait);
    }

    private Optional<Frame> read(Duration wait) {
        try {
            socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
            int first = in.read();
            while (first == '\n' || first == '\r') {
                first = in.read();
            }
            if (first < 0) {
                return Optional.empty();
            }
            String command = (char) first + readLine();
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                int colon = line.indexOf(':');
                headers.putIfAbsent(line.substring(0, colon), line.substring(colon + 1));
            }
            byte[] body;
            if (headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
                if (in.read() != 0) {
                    throw new AssertionError("frame not NUL-terminated after content-length");
                }
            } else {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                for (int b = in.read(); b != 0; b = in.read()) {
                    if (b < 0) {
                        throw new EOFException("frame cut short");
                    }
                    buffer.write(b);
                }
                body = buffer.toByteArray();
            }
            return Optional.of(new Frame(command, headers, body));
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (socket.isClosed() || "Connection reset".equals(e.getMessage())) {
                return Optional.empty();
            }
            throw new UncheckedIOException(e);
        }
    }

    /** True once the broker has closed the connection (reads end of stream within {@code wait}). */
    boolean closedByBroker(Duration wait) {
        try {
            socket.setSoTimeout((int) wait.toMillis());
            for (int b = in.read(); b >= 0; b = in.read()) {
                // drain whatever the broker still sent
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("frame cut short");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
