package mcollective.plugins.connector.stomp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Immutable options of a {@link StompClient}; the defaults are those lib/mcollective/connector/activemq.rb passes to
 * ruby-stomp (the {@code plugin.activemq.*} keys). Build with {@link #builder()}. Thread-safe.
 */
public final class StompClientOptions {
    private static final Logger LOG = LoggerFactory.getLogger(StompClientOptions.class);

    private final List<StompHost> hosts;
    private final String vhost;
    private final long heartbeatMillis;
    private final String heartBeatHeader;
    private final boolean stomp10Fallback;
    private final Duration initialReconnectDelay;
    private final Duration maxReconnectDelay;
    private final boolean useExponentialBackOff;
    private final double backOffMultiplier;
    private final int maxReconnectAttempts;
    private final boolean randomize;
    private final Duration connectTimeout;
    private final int maxHbreadFails;
    private final Optional<Duration> connectionTimeout;
    private final Duration sendTimeout;
    private final StompLimits limits;
    private final Consumer<StompFrame> messageListener;
    private final Consumer<StompFrame> errorListener;
    private final Consumer<ConnectionEvent> eventListener;

    private StompClientOptions(Builder b) {
        if (b.hosts.isEmpty()) {
            throw new StompException("No hosts found for the STOMP connection pool");
        }
        hosts = List.copyOf(b.hosts);
        vhost = b.vhost;
        long ms = b.heartBeatHeader.isEmpty() ? 0 : 1;
        if (b.heartbeatInterval > 0) {
            int seconds = b.heartbeatInterval;
            if (seconds < 30) {
                LOG.warn("Connection heartbeat is set to {}, forcing to minimum value of 30s", seconds);
                seconds = 30;
            }
            ms = seconds * 1000L;
        }
        heartbeatMillis = ms;
        heartBeatHeader = b.heartBeatHeader.isEmpty() ? (ms + 500) + "," + (ms - 500) : b.heartBeatHeader;
        stomp10Fallback = b.stomp10Fallback;
        initialReconnectDelay = b.initialReconnectDelay;
        maxReconnectDelay = b.maxReconnectDelay;
        useExponentialBackOff = b.useExponentialBackOff;
        backOffMultiplier = b.backOffMultiplier;
        maxReconnectAttempts = b.maxReconnectAttempts;
        randomize = b.randomize;
        connectTimeout = b.connectTimeout;
        maxHbreadFails = b.maxHbreadFails;
        connectionTimeout = b.connectionTimeout;
        sendTimeout = b.sendTimeout;
        limits = b.limits;
        messageListener = b.messageListener;
        errorListener = b.errorListener;
        eventListener = b.eventListener;
    }

    /** A builder with the Ruby connector's defaults; at least one host must be added. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The CONNECT headers for a host, in wire order: {@code accept-version}, {@code host} (the vhost), with
     * heart-beats {@code heart-beat:<ms+500>,<ms-500>}, then {@code login} and {@code passcode} unless the user is
     * empty. The frame writer appends {@code content-length} and {@code content-type}.
     */
    public Map<String, String> connectHeaders(StompHost host) {
        Map<String, String> h = new LinkedHashMap<>();
        if (heartbeatMillis > 0) {
            h.put("accept-version", stomp10Fallback ? "1.1,1.0" : "1.1");
            h.put("host", vhost);
            h.put("heart-beat", heartBeatHeader);
        } else {
            h.put("accept-version", "1.0");
            h.put("host", vhost);
        }
        if (!host.user().isEmpty()) {
            h.put("login", host.user());
            h.put("passcode", host.password());
        }
        return h;
    }

    /** The broker pool in configured order; never empty. */
    public List<StompHost> hosts() {
        return hosts;
    }

    /** The {@code host} header of CONNECT. */
    public String vhost() {
        return vhost;
    }

    /** The heart-beat interval in ms (after forcing to at least 30 s), 0 when off (STOMP 1.0); 1 for the test hook. */
    public long heartbeatMillis() {
        return heartbeatMillis;
    }

    /** Initial back-off between attempts. */
    public Duration initialReconnectDelay() {
        return initialReconnectDelay;
    }

    /** Upper bound of the back-off. */
    public Duration maxReconnectDelay() {
        return maxReconnectDelay;
    }

    /** Whether the back-off grows by {@link #backOffMultiplier()} after each failed attempt. */
    public boolean useExponentialBackOff() {
        return useExponentialBackOff;
    }

    /** Growth factor of the back-off. */
    public double backOffMultiplier() {
        return backOffMultiplier;
    }

    /** Retries after the first failed attempt before giving up; 0 = unlimited. */
    public int maxReconnectAttempts() {
        return maxReconnectAttempts;
    }

    /** Whether each attempt picks a random pool host instead of the next one. */
    public boolean randomize() {
        return randomize;
    }

    /** Timeout of one TCP connect (and of the TLS and CONNECT handshakes) before failing over. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Missed broker heart-beat intervals in a row before reconnecting; 0 = never. */
    public int maxHbreadFails() {
        return maxHbreadFails;
    }

    /** Overall limit for {@link StompClient#connect()}, if any. */
    public Optional<Duration> connectionTimeout() {
        return connectionTimeout;
    }

    /** How long {@link StompClient#send} waits for a connection while reconnecting. */
    public Duration sendTimeout() {
        return sendTimeout;
    }

    /** Bounds on incoming frames. */
    public StompLimits limits() {
        return limits;
    }

    Consumer<StompFrame> messageListener() {
        return messageListener;
    }

    Consumer<StompFrame> errorListener() {
        return errorListener;
    }

    Consumer<ConnectionEvent> eventListener() {
        return eventListener;
    }

    /** Mutable builder; not thread-safe. Every setter rejects null. */
    public static final class Builder {
        private final List<StompHost> hosts = new ArrayList<>();
        private String vhost = "mcollective";
        private int heartbeatInterval;
        private String heartBeatHeader = "";
        private boolean stomp10Fallback = true;
        private Duration initialReconnectDelay = Duration.ofMillis(10);
        private Duration maxReconnectDelay = Duration.ofSeconds(30);
        private boolean useExponentialBackOff = true;
        private double backOffMultiplier = 2;
        private int maxReconnectAttempts;
        private boolean randomize;
        private Duration connectTimeout = Duration.ofSeconds(30);
        private int maxHbreadFails = 2;
        private Optional<Duration> connectionTimeout = Optional.empty();
        private Duration sendTimeout = Duration.ofSeconds(30);
        private StompLimits limits = StompLimits.DEFAULTS;
        private Consumer<StompFrame> messageListener = f -> {};
        private Consumer<StompFrame> errorListener = f -> {};
        private Consumer<ConnectionEvent> eventListener = e -> {};

        private Builder() {}

        /** Appends a pool host ({@code pool.<n>.*}, in order). */
        public Builder host(StompHost host) {
            hosts.add(Objects.requireNonNull(host, "host"));
            return this;
        }

        /** Appends pool hosts in order. */
        public Builder hosts(List<StompHost> pool) {
            pool.forEach(this::host);
            return this;
        }

        /** {@code vhost}, default {@code mcollective} (rabbitmq: {@code /}). */
        public Builder vhost(String value) {
            vhost = Objects.requireNonNull(value, "vhost");
            return this;
        }

        /** {@code heartbeat_interval} in seconds; 0 = off (STOMP 1.0); 1..29 are forced to 30 with a warning. */
        public Builder heartbeatInterval(int seconds) {
            if (seconds < 0) {
                throw new StompException("heartbeat_interval must not be negative: " + seconds);
            }
            heartbeatInterval = seconds;
            heartBeatHeader = "";
            return this;
        }

        /** Test hook: the {@code heart-beat} CONNECT header (client send ms, client receive ms), not forced. */
        Builder heartBeatUnchecked(long sendMillis, long receiveMillis) {
            heartbeatInterval = 0;
            heartBeatHeader = sendMillis + "," + receiveMillis;
            return this;
        }

        /** {@code stomp_1_0_fallback}, default true: offer {@code 1.1,1.0} rather than {@code 1.1}. */
        public Builder stomp10Fallback(boolean value) {
            stomp10Fallback = value;
            return this;
        }

        /** {@code initial_reconnect_delay}, default 0.01 s. */
        public Builder initialReconnectDelay(Duration value) {
            initialReconnectDelay = positive(value, "initial_reconnect_delay");
            return this;
        }

        /** {@code max_reconnect_delay}, default 30 s. */
        public Builder maxReconnectDelay(Duration value) {
            maxReconnectDelay = positive(value, "max_reconnect_delay");
            return this;
        }

        /** {@code use_exponential_back_off}, default true. */
        public Builder useExponentialBackOff(boolean value) {
            useExponentialBackOff = value;
            return this;
        }

        /** {@code back_off_multiplier}, default 2. */
        public Builder backOffMultiplier(double value) {
            if (!(value >= 1)) {
                throw new StompException("back_off_multiplier must be at least 1: " + value);
            }
            backOffMultiplier = value;
            return this;
        }

        /** {@code max_reconnect_attempts}: retries after the first failure, default 0 = unlimited. */
        public Builder maxReconnectAttempts(int value) {
            if (value < 0) {
                throw new StompException("max_reconnect_attempts must not be negative: " + value);
            }
            maxReconnectAttempts = value;
            return this;
        }

        /** {@code randomize}, default false. */
        public Builder randomize(boolean value) {
            randomize = value;
            return this;
        }

        /** {@code connect_timeout}, default 30 s. */
        public Builder connectTimeout(Duration value) {
            connectTimeout = positive(value, "connect_timeout");
            return this;
        }

        /** {@code max_hbread_fails}, default 2; 0 = never reconnect for missed heart-beats. */
        public Builder maxHbreadFails(int value) {
            if (value < 0) {
                throw new StompException("max_hbread_fails must not be negative: " + value);
            }
            maxHbreadFails = value;
            return this;
        }

        /** Overall limit for {@link StompClient#connect()} (the CLI's connection timeout); default none. */
        public Builder connectionTimeout(Duration value) {
            return connectionTimeout(Optional.of(value));
        }

        /** {@link #connectionTimeout(Duration)} if present, else no limit. */
        public Builder connectionTimeout(Optional<Duration> value) {
            connectionTimeout = value.map(v -> positive(v, "connection timeout"));
            return this;
        }

        /** How long a send waits for a connection while reconnecting; default 30 s. */
        public Builder sendTimeout(Duration value) {
            sendTimeout = positive(value, "send timeout");
            return this;
        }

        /** Bounds on incoming frames; default {@link StompLimits#DEFAULTS}. */
        public Builder limits(StompLimits value) {
            limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /** Receives every MESSAGE frame, on the reader thread. */
        public Builder onMessage(Consumer<StompFrame> listener) {
            messageListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Receives ERROR frames arriving after CONNECT, on the reader thread (they are also logged). */
        public Builder onError(Consumer<StompFrame> listener) {
            errorListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Receives connection events, on the thread that connects or detects the loss. */
        public Builder onEvent(Consumer<ConnectionEvent> listener) {
            eventListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Builds the options. @throws StompException if no host was added */
        public StompClientOptions build() {
            return new StompClientOptions(this);
        }

        private static Duration positive(Duration value, String what) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new StompException(what + " must be positive: " + value);
            }
            return value;
        }
    }
}
