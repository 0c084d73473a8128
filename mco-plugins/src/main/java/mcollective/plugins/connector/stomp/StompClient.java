package mcollective.plugins.connector.stomp;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.logging.LogSafe;

/**
 * A STOMP client that behaves like ruby-stomp 1.4.10's {@code Stomp::Connection} with {@code reliable: true}, as
 * set up by lib/mcollective/connector/activemq.rb: byte-identical frames, failover across a pool with exponential
 * back-off, SUBSCRIBE replay after reconnecting, 1.1 heart-beats and TLS. See {@link StompClientOptions}.
 *
 * <p>Threads: all public methods are thread-safe. MESSAGE frames are delivered to the message listener from one
 * daemon reader thread ({@code stomp-reader-N}), which also reconnects; heart-beats run on {@code stomp-heartbeat-N}.
 * {@link #close()} stops both and is idempotent. No frame ends the reader: what handling one frame throws is logged
 * and the next frame is read. If the reader ends anyway (it gave up reconnecting, or a {@link VirtualMachineError}
 * escaped), the client is failed, says so once in the log and through {@link #failure()}, and its owner replaces it.
 */
public final class StompClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StompClient.class);
    private static final AtomicInteger IDS = new AtomicInteger();

    private enum State {
        NEW,
        OPEN,
        FAILED,
        CLOSED
    }

    private final StompClientOptions options;
    private final Events events;
    private final Failover failover;
    private final Heartbeater heartbeater;
    private final Thread reader;
    private final Object lock = new Object();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private State state = State.NEW;
    private volatile Optional<StompConnection> current = Optional.empty(); // written under lock
    private Runnable stopHeartbeats = () -> {};
    private String failure = ""; // why the client is FAILED; written under lock

    /**
     * Creates an unconnected client; TLS files are read here.
     *
     * @param options the options; not null
     * @throws StompException if a TLS host's files are missing or unusable and it has no {@code ssl.fallback}
     */
    public StompClient(StompClientOptions options) {
        this.options = options;
        this.events = new Events(options.eventListener());
        Map<StompHost, TlsSetup> tls = new LinkedHashMap<>();
        options.hosts().stream().filter(StompHost::ssl).forEach(h -> tls.put(h, TlsSetup.forHost(h)));
        this.failover = new Failover(options, tls, events);
        int id = IDS.incrementAndGet();
        this.heartbeater = new Heartbeater("stomp-heartbeat-" + id, options.maxHbreadFails());
        this.reader = new Thread(this::readLoop, "stomp-reader-" + id);
        this.reader.setDaemon(true);
    }

    /**
     * Connects to the first pool host that accepts, retrying with back-off, and starts the reader thread.
     * Subscriptions made before are sent after CONNECTED. Blocks the caller.
     *
     * @throws StompErrorFrameException if a broker answers CONNECT with ERROR (e.g. a bad password); the client
     *                                  is closed
     * @throws StompException           if attempts or the connection timeout run out, or the client was already
     *                                  connected or closed; the client is then closed
     */
    public void connect() {
        synchronized (lock) {
            if (state != State.NEW) {
                throw new StompException("STOMP client to " + options.hosts() + " is " + state + "; connect() once");
            }
            state = State.OPEN;
        }
        Optional<Long> deadline = options.connectionTimeout().map(t -> System.nanoTime() + t.toNanos());
        try {
            failover.connect(deadline, true, this::isClosed, this::install);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        reader.start();
    }

    /**
     * Why this client can no longer receive, if it cannot: it gave up reconnecting, or its reader thread ended for
     * another reason than {@link #close()}. Empty while connected or reconnecting, before {@link #connect()} and
     * once closed. Any thread.
     */
    public Optional<String> failure() {
        synchronized (lock) {
            if (state == State.FAILED) {
                return Optional.of(failure);
            }
            if (state == State.OPEN && reader.getState() == Thread.State.TERMINATED) {
                return Optional.of("STOMP reader thread " + reader.getName() + " ended");
            }
            return Optional.empty();
        }
    }

    /** Whether a broker connection is currently established. */
    public boolean isConnected() {
        synchronized (lock) {
            return current.isPresent();
        }
    }

    /** The version negotiated with the current broker, empty while disconnected. */
    public Optional<StompVersion> version() {
        synchronized (lock) {
            return current.map(StompConnection::version);
        }
    }

    /** Subscribes with the destination as subscription id, see {@link #subscribe(String, Map, String)}. */
    public String subscribe(String destination, Map<String, String> headers) {
        return subscribe(destination, headers, destination);
    }

    /**
     * Subscribes and remembers the subscription for replay after reconnects. The frame carries {@code headers} in
     * order, then {@code destination}, then (STOMP 1.1+ only, unless in {@code headers}) {@code id}. While
     * reconnecting the SUBSCRIBE is sent by the replay.
     *
     * @param id the subscription id, unique within this client; the key for {@link #unsubscribe}
     * @return {@code id}
     * @throws StompException if {@code id} is already subscribed or the client is closed
     */
    public String subscribe(String destination, Map<String, String> headers, String id) {
        Subscription sub = new Subscription(destination, headers, id);
        synchronized (lock) {
            ensureUsable(destination);
            if (subscriptions.containsKey(id)) {
                throw new StompException("Already subscribed with id '" + id + "' to " + destination);
            }
            subscriptions.put(id, sub);
            current.ifPresent(c -> writeOrDrop(c, sub.frame("SUBSCRIBE", c.version())));
        }
        return id;
    }

    /** Unsubscribes the subscription whose id is the destination. */
    public void unsubscribe(String destination, Map<String, String> headers) {
        unsubscribe(destination, headers, destination);
    }

    /**
     * Sends UNSUBSCRIBE ({@code headers}, {@code destination}, 1.1+: {@code id}) and forgets the subscription.
     * While disconnected only the forgetting happens (the broker lost the subscription with the connection).
     */
    public void unsubscribe(String destination, Map<String, String> headers, String id) {
        Subscription sub = new Subscription(destination, headers, id);
        synchronized (lock) {
            ensureUsable(destination);
            subscriptions.remove(id);
            current.ifPresent(c -> writeOrDrop(c, sub.frame("UNSUBSCRIBE", c.version())));
        }
    }

    /**
     * Sends a message: SEND with {@code headers} in order, {@code destination}, {@code content-length} and
     * {@code content-type}. While reconnecting it waits for the connection, at most the send timeout; a failed
     * write is retried on the next connection.
     *
     * @throws StompException if no connection is available within the send timeout or the client is closed
     */
    public void send(String destination, Map<String, String> headers, byte[] body) {
        LinkedHashMap<String, String> h = new LinkedHashMap<>(headers);
        h.put("destination", destination);
        StompFrame frame = StompFrameWriter.clientFrame("SEND", h, body);
        long deadline = System.nanoTime() + options.sendTimeout().toNanos();
        while (true) {
            StompConnection c = awaitConnection(deadline, destination);
            try {
                c.write(frame);
                return;
            } catch (IOException e) {
                LOG.warn("transmit to {} failed: {}", c.host().url(), LogSafe.of(e));
                lost(c, "transmit failed: " + e);
            }
        }
    }

    private volatile boolean closing;

    /** Sends DISCONNECT if connected, then {@link #close()}s. Idempotent. */
    public void disconnect() {
        Optional<StompConnection> c;
        synchronized (lock) {
            c = state == State.OPEN ? current : Optional.empty();
        }
        c.ifPresent(conn -> {
            try {
                conn.write(StompFrameWriter.clientFrame("DISCONNECT", Map.of(), new byte[0]));
            } catch (IOException e) {
                LOG.debug("DISCONNECT to {} failed: {}", conn.host().url(), LogSafe.of(e));
            }
            events.emit(ConnectionEvent.Type.DISCONNECTED, conn.host().url(), 0, "");
        });
        close();
    }

    /** Closes the socket and stops all threads without DISCONNECT. Idempotent; any thread. */
    @Override
    public void close() {
        closing = true; // before the socket goes: the reader's failure is then a close, not a loss
        current.ifPresent(StompConnection::close); // unblocks a write that holds the lock
        Optional<StompConnection> c;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            c = current;
            current = Optional.empty();
            stopHeartbeats.run();
            lock.notifyAll();
        }
        c.ifPresent(StompConnection::close);
        failover.abort();
        heartbeater.shutdown();
        if (reader.isAlive() && Thread.currentThread() != reader) {
            reader.interrupt();
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean isClosed() {
        synchronized (lock) {
            return state == State.CLOSED;
        }
    }

    /** Replays the subscriptions on a fresh connection and makes it current; runs inside a connect attempt. */
    private void install(StompConnection c) throws IOException {
        synchronized (lock) {
            if (state != State.OPEN) {
                throw new IOException("STOMP client closed");
            }
            for (Subscription sub : subscriptions.values()) {
                c.write(sub.frame("SUBSCRIBE", c.version()));
            }
            current = Optional.of(c);
            stopHeartbeats = heartbeater.start(c, this::lost);
            lock.notifyAll();
        }
    }

    /**
     * Drops a connection that failed; the reader thread then reconnects. Only the first call per connection acts.
     * The socket is closed before taking the lock, so that a write blocked while holding it fails and lets go.
     */
    private void lost(StompConnection c, String reason) {
        if (!c.markLost()) {
            return;
        }
        c.close();
        synchronized (lock) {
            if (current.orElse(null) == c) {
                current = Optional.empty();
                stopHeartbeats.run();
            }
        }
        events.emit(ConnectionEvent.Type.LOST, c.host().url(), 0, reason);
    }

    private void writeOrDrop(StompConnection c, StompFrame frame) {
        try {
            c.write(frame);
        } catch (IOException e) {
            LOG.warn(
                    "transmit of {} to {} failed: {}", frame.command(), c.host().url(), LogSafe.of(e));
            // the replay after reconnecting sends SUBSCRIBEs; an UNSUBSCRIBE is moot on a new connection
            lost(c, "transmit failed: " + e);
        }
    }

    private void ensureUsable(String destination) {
        if (state == State.CLOSED || state == State.FAILED) {
            throw new StompException("STOMP client to " + options.hosts() + " is "
                    + state.name().toLowerCase() + "; cannot use " + destination);
        }
    }

    private StompConnection awaitConnection(long deadline, String destination) {
        synchronized (lock) {
            while (true) {
                if (state == State.NEW) {
                    throw new StompException(
                            "STOMP client is not connected; call connect() before sending to " + destination);
                }
                ensureUsable(destination);
                if (current.isPresent()) {
                    return current.get();
                }
                long wait = deadline - System.nanoTime();
                if (wait <= 0) {
                    throw new StompException("No connection to " + options.hosts() + " within " + options.sendTimeout()
                            + "; message to " + destination + " not sent");
                }
                try {
                    lock.wait(Math.max(1, wait / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StompException("Interrupted while waiting to send to " + destination, e);
                }
            }
        }
    }

    /** The reader thread: frame after frame, reconnecting after a loss, until closed or failed; never silently. */
    private void readLoop() {
        try {
            while (readNext()) {
                // each round reads and dispatches one frame, or reconnects
            }
        } catch (RuntimeException | Error e) {
            if (!closing) {
                fail("STOMP reader thread " + reader.getName() + " ended: " + e, e);
            }
        }
    }

    /** Reads and dispatches one frame (reconnecting first if there is no connection); false when the loop ends. */
    private boolean readNext() {
        Optional<StompConnection> c;
        synchronized (lock) {
            if (state != State.OPEN) {
                return false;
            }
            c = current;
        }
        if (c.isEmpty()) {
            reconnect();
            return true;
        }
        StompFrame frame;
        try {
            frame = c.get().read();
        } catch (IOException | StompException e) {
            if (closing) {
                return false;
            }
            lost(c.get(), e.toString());
            return true;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // the frame reader failed on bytes it did not expect; where the next frame starts is unknown
            if (closing) {
                return false;
            }
            lost(c.get(), "reading a frame failed: " + e);
            return true;
        }
        Dispatch.frame(frame, c.get().host().url(), options);
        return true;
    }

    /** Marks the client failed for good: senders stop waiting, the connection goes, the reason is logged once. */
    private void fail(String reason, Throwable cause) {
        Optional<StompConnection> c;
        synchronized (lock) {
            if (state != State.OPEN) {
                return;
            }
            state = State.FAILED;
            failure = reason;
            c = current;
            current = Optional.empty();
            stopHeartbeats.run();
            lock.notifyAll();
        }
        c.ifPresent(StompConnection::close);
        LOG.error(
                "{}; the client to {} is failed and receives nothing until it is replaced",
                LogSafe.of(reason),
                options.hosts(),
                cause);
    }

    private void reconnect() {
        try {
            failover.connect(Optional.empty(), false, this::isClosed, this::install);
        } catch (StompException e) {
            if (isClosed()) {
                return;
            }
            synchronized (lock) {
                state = State.FAILED;
                failure = "gave up reconnecting: " + e.getMessage();
                lock.notifyAll();
            }
            events.emit(ConnectionEvent.Type.GAVE_UP, "", 0, e.getMessage());
        }
    }
}
