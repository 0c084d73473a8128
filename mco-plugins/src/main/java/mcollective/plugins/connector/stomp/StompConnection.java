package mcollective.plugins.connector.stomp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.logging.LogSafe;

/**
 * One established STOMP session on one socket: the TCP/TLS connect and CONNECT handshake of ruby-stomp's
 * {@code open_socket}/{@code connect}, then framed reads and writes. Writes are serialized; reads belong to one
 * reader thread. {@link #close()} may be called from any thread and makes a blocked read fail.
 */
final class StompConnection implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(StompConnection.class);

    private final StompHost host;
    private final Socket socket;
    private final OutputStream out;
    private final StompFrameReader reader;
    private final Object writeLock = new Object();
    private final AtomicBoolean lost = new AtomicBoolean();
    private volatile long lastReadNanos = System.nanoTime();
    private volatile long lastWriteNanos = System.nanoTime();
    private StompVersion version = StompVersion.V1_0;
    private long sendIntervalMillis;
    private long receiveIntervalMillis;

    private StompConnection(StompHost host, Socket socket, StompLimits limits) throws IOException {
        this.host = host;
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream());
        this.reader = new StompFrameReader(new BufferedInputStream(new Tracking(socket.getInputStream())), limits);
    }

    /**
     * Connects to a broker and performs the CONNECT handshake.
     *
     * @param pending receives the socket while connecting, so that another thread can abort the attempt
     * @throws IOException               if the TCP/TLS connect or handshake fails or times out
     * @throws StompErrorFrameException  if the broker answers with ERROR
     */
    static StompConnection open(
            StompHost host,
            StompClientOptions options,
            Optional<TlsSetup> tls,
            Duration timeout,
            AtomicReference<Socket> pending)
            throws IOException {
        int timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        Socket socket = new Socket();
        pending.set(socket);
        try {
            socket.setKeepAlive(true);
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host.host(), host.port()), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            if (tls.isPresent()) {
                socket = startTls(socket, host, tls.get());
                pending.set(socket);
            }
            StompConnection c = new StompConnection(host, socket, options.limits());
            c.handshake(options);
            socket.setSoTimeout(0);
            return c;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        } finally {
            pending.set(null);
        }
    }

    private static Socket startTls(Socket plain, StompHost host, TlsSetup tls) throws IOException {
        SSLSocket ssl =
                (SSLSocket) tls.context().getSocketFactory().createSocket(plain, host.host(), host.port(), true);
        if (tls.verified()) {
            // ruby-stomp's post_connection_check: the certificate must name the host we connected to
            SSLParameters params = ssl.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(params);
        }
        ssl.startHandshake();
        LOG.info("SSL session established with {}", host.url());
        return ssl;
    }

    private void handshake(StompClientOptions options) throws IOException {
        String hb = options.connectHeaders(host).get("heart-beat");
        write(StompFrameWriter.clientFrame("CONNECT", options.connectHeaders(host), new byte[0]));
        StompFrame answer = reader.read();
        if ("ERROR".equals(answer.command())) {
            throw new StompErrorFrameException(host.url(), answer);
        }
        if (!"CONNECTED".equals(answer.command())) {
            throw new IOException("Expected CONNECTED from " + host.url() + " but got " + answer.command());
        }
        String v = answer.header("version").orElse("1.0");
        version = StompVersion.parse(v)
                .orElseThrow(() -> new IOException("Broker " + host.url() + " chose unsupported STOMP version " + v));
        reader.version(version);
        if (version.escapesHeaders() && hb != null) {
            long[] client = heartBeat(hb);
            long[] server = heartBeat(answer.header("heart-beat").orElse("0,0"));
            // ruby-stomp _init_heartbeats: each side uses the larger of the two wishes, 0 on either side disables
            sendIntervalMillis = client[0] > 0 && server[1] > 0 ? Math.max(client[0], server[1]) : 0;
            receiveIntervalMillis = server[0] > 0 && client[1] > 0 ? Math.max(server[0], client[1]) : 0;
        }
        LOG.debug("CONNECTED to {}: {}", host.url(), LogSafe.of(answer.headers()));
    }

    private long[] heartBeat(String header) throws IOException {
        String[] parts = header.split(",");
        try {
            if (parts.length == 2) {
                return new long[] {Long.parseLong(parts[0].strip()), Long.parseLong(parts[1].strip())};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IOException("Invalid heart-beat header '" + header + "' from " + host.url());
    }

    /** Writes one frame, encoded for the negotiated version. */
    void write(StompFrame frame) throws IOException {
        byte[] bytes = StompFrameWriter.encode(frame, version);
        synchronized (writeLock) {
            out.write(bytes);
            out.flush();
            lastWriteNanos = System.nanoTime();
        }
        if (LOG.isTraceEnabled()) {
            LOG.trace("Sent {} to {}", LogSafe.of(frame), host.url());
        }
    }

    /** Writes a heart-beat (one LF). */
    void writeHeartbeat() throws IOException {
        synchronized (writeLock) {
            out.write('\n');
            out.flush();
            lastWriteNanos = System.nanoTime();
        }
    }

    /** Reads the next frame; only the reader thread calls this. */
    StompFrame read() throws IOException {
        return reader.read();
    }

    StompHost host() {
        return host;
    }

    StompVersion version() {
        return version;
    }

    /** Negotiated client-to-broker heart-beat interval in ms, 0 for none. */
    long sendIntervalMillis() {
        return sendIntervalMillis;
    }

    /** Negotiated broker-to-client heart-beat interval in ms, 0 for none. */
    long receiveIntervalMillis() {
        return receiveIntervalMillis;
    }

    long lastReadNanos() {
        return lastReadNanos;
    }

    long lastWriteNanos() {
        return lastWriteNanos;
    }

    /** Marks this connection as lost; true only for the first caller. */
    boolean markLost() {
        return lost.compareAndSet(false, true);
    }

    /** Closes the socket; idempotent, any thread. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Closing the socket to {} failed: {}", host.url(), e.toString());
        }
    }

    /** Records the time of every successful read from the socket, heart-beats included. */
    private final class Tracking extends FilterInputStream {
        Tracking(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                lastReadNanos = System.nanoTime();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                lastReadNanos = System.nanoTime();
            }
            return n;
        }
    }
}
