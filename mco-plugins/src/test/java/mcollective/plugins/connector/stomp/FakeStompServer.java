package mcollective.plugins.connector.stomp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A scripted STOMP broker on 127.0.0.1 with an ephemeral port: answers CONNECT through a responder (CONNECTED
 * version 1.0 by default; an ERROR answer is followed by a close, as ActiveMQ does), records every frame, the raw
 * bytes and heart-beat LFs per connection, and lets a test push frames or drop connections.
 */
final class FakeStompServer implements AutoCloseable {
    static final StompFrame CONNECTED_10 = StompFrame.of(
            "CONNECTED",
            Map.of("server", "ActiveMQ/5.17.2", "heart-beat", "0,0", "session", "ID:fake", "version", "1.0"));

    private final ServerSocket server;
    private final Thread acceptor;
    private final BlockingQueue<Conn> accepted = new LinkedBlockingQueue<>();
    private final List<Conn> all = new CopyOnWriteArrayList<>();
    volatile Function<StompFrame, StompFrame> responder = connect -> CONNECTED_10;
    volatile boolean needClientAuth;

    FakeStompServer() throws IOException {
        this(null);
    }

    FakeStompServer(SSLContext tls) throws IOException {
        InetAddress lo = InetAddress.getLoopbackAddress();
        server = tls == null
                ? new ServerSocket(0, 50, lo)
                : tls.getServerSocketFactory().createServerSocket(0, 50, lo);
        acceptor = new Thread(this::acceptLoop, "fake-stomp-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    StompHost host() {
        return StompHost.plain("127.0.0.1", port(), "mcollective", "marionette");
    }

    /** The next accepted connection; fails the test if none comes within 10 s. */
    Conn awaitConnection() throws InterruptedException {
        Conn c = accepted.poll(10, TimeUnit.SECONDS);
        if (c == null) {
            throw new AssertionError("no client connected to the fake broker on port " + port());
        }
        return c;
    }

    List<Conn> connections() {
        return all;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                if (s instanceof SSLSocket ssl && needClientAuth) {
                    ssl.setNeedClientAuth(true);
                }
                Conn c = new Conn(s);
                all.add(c);
                accepted.add(c);
                c.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Conn c : all) {
            c.close();
        }
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One client connection as seen by the broker. */
    final class Conn {
        final Socket socket;
        final BlockingQueue<StompFrame> frames = new LinkedBlockingQueue<>();
        final AtomicInteger heartbeats = new AtomicInteger();
        final ByteArrayOutputStream raw = new ByteArrayOutputStream();
        private final BufferedInputStream in;
        private final OutputStream out;
        private final StompFrameReader reader;
        private final Thread thread;
        private volatile StompVersion version = StompVersion.V1_0;

        Conn(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(new Tee(socket.getInputStream()));
            this.out = socket.getOutputStream();
            this.reader = new StompFrameReader(in, StompLimits.DEFAULTS);
            this.thread = new Thread(this::readLoop, "fake-stomp-conn-" + socket.getPort());
            this.thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void readLoop() {
            try {
                while (true) {
                    in.mark(1);
                    int b = in.read();
                    if (b < 0) {
                        return;
                    }
                    if (b == '\n') {
                        heartbeats.incrementAndGet();
                        continue;
                    }
                    in.reset();
                    StompFrame f = reader.read();
                    frames.add(f);
                    if ("CONNECT".equals(f.command())) {
                        StompFrame answer = responder.apply(f);
                        if (answer == null) {
                            continue;
                        }
                        send(answer);
                        answer.header("version").flatMap(StompVersion::parse).ifPresent(v -> {
                            version = v;
                            reader.version(v);
                        });
                        if ("ERROR".equals(answer.command())) {
                            close();
                            return;
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // connection dropped or TLS handshake refused
            }
        }

        /** The next frame the client sent; fails the test if none within 10 s. */
        StompFrame nextFrame() throws InterruptedException {
            StompFrame f = frames.poll(10, TimeUnit.SECONDS);
            if (f == null) {
                throw new AssertionError("no frame from the client within 10 s");
            }
            return f;
        }

        byte[] rawBytes() {
            synchronized (raw) {
                return raw.toByteArray();
            }
        }

        void send(StompFrame frame) throws IOException {
            sendRaw(StompFrameWriter.encode(frame, version));
        }

        synchronized void sendRaw(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }

        private final class Tee extends FilterInputStream {
            Tee(InputStream in) {
                super(in);
            }

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    synchronized (raw) {
                        raw.write(b);
                    }
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    synchronized (raw) {
                        raw.write(b, off, n);
                    }
                }
                return n;
            }
        }
    }

    /** A port on 127.0.0.1 that refuses connections (bound, then closed). */
    static int refusedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
