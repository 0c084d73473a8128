package mcollective.broker;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.remoting.Acceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;

/**
 * An in-process Apache Artemis broker with one STOMP acceptor, set up so that Ruby MCollective 2.12.5 (ruby-stomp,
 * STOMP 1.0, or 1.1 with heart-beats) and this port use it exactly as they use ActiveMQ:
 * <ul>
 *   <li>{@code /queue/} and {@code /topic/} map to anycast and multicast addresses, so {@code /topic/<c>.<agent>.agent}
 *       fans out to every subscriber and {@code /queue/<c>.reply.*} reaches the one client reading it;</li>
 *   <li>addresses and queues are created on first use and deleted once unused (short-lived reply queues do not
 *       pile up);</li>
 *   <li>a {@code selector} header on SUBSCRIBE works, so a node reading {@code /queue/<c>.nodes} with
 *       {@code mc_identity = 'node1'} gets only its own directed messages;</li>
 *   <li>the {@code expires} header (absolute milliseconds) is honoured and expired messages are scanned away every
 *       second;</li>
 *   <li>one user/password pair is accepted, any other CONNECT is answered with an ERROR frame;</li>
 *   <li>frame bodies over {@link Builder#maxFrameBytes} are refused with an ERROR frame, and each address holds at
 *       most {@link Builder#maxAddressBytes} before senders get errors.</li>
 * </ul>
 * The default routing type is deliberately left alone: making it ANYCAST silently breaks STOMP topic subscriptions.
 *
 * <p>Artemis logs through SLF4J under {@code org.apache.activemq}: the launchers' logback configurations keep it at
 * WARN or quieter. {@link #start()} and {@link #stop()} are synchronized and may be called from any thread.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final Options options;
    private EmbeddedActiveMQ server;
    private int boundPort;

    private EmbeddedBroker(Options options) {
        this.options = options;
    }

    /** A builder with the defaults 127.0.0.1:61613, user mcollective, password marionette, no persistence. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the broker; does nothing if it runs already. A broker built with port 0 picks a free port on its first
     * start and keeps it for later starts, so clients can reconnect after a restart.
     *
     * @throws McollectiveException naming host and port if it cannot listen (for example the port is taken)
     */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        int port = boundPort > 0 ? boundPort : options.port();
        EmbeddedActiveMQ embedded = new EmbeddedActiveMQ();
        embedded.setConfiguration(ArtemisConfiguration.of(options, port));
        embedded.setSecurityManager(new SingleUserSecurity(options.user(), options.password()));
        try {
            embedded.start();
        } catch (Exception e) {
            stopQuietly(embedded);
            throw new McollectiveException("Could not start the embedded broker on " + options.host() + ":" + port
                    + ": " + e.getMessage(), e);
        }
        Acceptor acceptor = embedded.getActiveMQServer().getRemotingService()
                .getAcceptor(ArtemisConfiguration.ACCEPTOR);
        if (!(acceptor instanceof NettyAcceptor netty) || !netty.isStarted() || netty.getActualPort() <= 0) {
            stopQuietly(embedded);
            throw new McollectiveException("The embedded broker could not listen on " + options.host() + ":" + port
                    + " (is the port in use?)");
        }
        embedded.getActiveMQServer().getRemotingService()
                .addIncomingInterceptor(new FrameSizeLimit(options.maxFrameBytes()));
        server = embedded;
        boundPort = netty.getActualPort();
        LOG.info("Embedded broker accepting STOMP{} on {}:{}", options.keyStore().isPresent() ? " over TLS" : "",
                options.host(), boundPort);
    }

    /** Stops the broker and closes its port at once, so the same port can be bound again. Idempotent. */
    public synchronized void stop() {
        if (server != null) {
            stopQuietly(server);
            server = null;
            LOG.info("Embedded broker on {}:{} stopped", options.host(), boundPort);
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    private static void stopQuietly(EmbeddedActiveMQ embedded) {
        try {
            embedded.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the embedded broker: {}", e.toString());
        }
    }

    /** Whether the broker runs now. */
    public synchronized boolean isStarted() {
        return server != null;
    }

    /** The STOMP port: the real one once started (also when built with port 0), else the one asked for. */
    public synchronized int port() {
        return boundPort > 0 ? boundPort : options.port();
    }

    /** The address the STOMP acceptor binds. */
    public String host() {
        return options.host();
    }

    /** A key or trust store file and its password. */
    record Store(Path path, String password) {
    }

    /** Everything the builder collected; immutable. */
    record Options(String host, int port, String user, String password, int maxFrameBytes, long maxAddressBytes,
            Optional<Path> dataDir, Optional<Store> keyStore, Optional<Store> trustStore) {
    }

    /** Builds an {@link EmbeddedBroker}. Not thread-safe; every setter rejects null. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 61613;
        private String user = "mcollective";
        private String password = "marionette";
        private int maxFrameBytes = 16 * 1024 * 1024;
        private long maxAddressBytes = 64L * 1024 * 1024;
        private Optional<Path> dataDir = Optional.empty();
        private Optional<Store> keyStore = Optional.empty();
        private Optional<Store> trustStore = Optional.empty();

        private Builder() {
        }

        /** The address to listen on (default 127.0.0.1). */
        public Builder host(String value) {
            this.host = Objects.requireNonNull(value, "host");
            return this;
        }

        /** The STOMP port (default 61613); 0 picks a free one, which {@link EmbeddedBroker#port()} then reports. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new McollectiveException("Broker port " + value + " is not between 0 and 65535");
            }
            this.port = value;
            return this;
        }

        /** The one login accepted (default mcollective). */
        public Builder user(String value) {
            this.user = Objects.requireNonNull(value, "user");
            return this;
        }

        /** The password of that login (default marionette). */
        public Builder password(String value) {
            this.password = Objects.requireNonNull(value, "password");
            return this;
        }

        /** The largest frame body a client may send (default 16 MiB). */
        public Builder maxFrameBytes(int value) {
            if (value <= 0) {
                throw new McollectiveException("Broker frame limit " + value + " must be positive");
            }
            this.maxFrameBytes = value;
            return this;
        }

        /** How many bytes of messages one address may hold before senders get errors (default 64 MiB). */
        public Builder maxAddressBytes(long value) {
            if (value <= 0) {
                throw new McollectiveException("Broker address limit " + value + " must be positive");
            }
            this.maxAddressBytes = value;
            return this;
        }

        /** Keep messages in a journal in this directory (default: none, everything in memory). */
        public Builder dataDir(Path value) {
            this.dataDir = Optional.of(Objects.requireNonNull(value, "dataDir"));
            return this;
        }

        /** Accept STOMP over TLS only, with this key store (PKCS12 or JKS) holding the broker's key. */
        public Builder keyStore(Path path, String storePassword) {
            this.keyStore = Optional.of(new Store(Objects.requireNonNull(path, "keyStore"),
                    Objects.requireNonNull(storePassword, "keyStore password")));
            return this;
        }

        /** With {@link #keyStore}: require client certificates signed by what this trust store holds. */
        public Builder trustStore(Path path, String storePassword) {
            this.trustStore = Optional.of(new Store(Objects.requireNonNull(path, "trustStore"),
                    Objects.requireNonNull(storePassword, "trustStore password")));
            return this;
        }

        /** The broker, not yet started. */
        public EmbeddedBroker build() {
            if (trustStore.isPresent() && keyStore.isEmpty()) {
                throw new McollectiveException("Broker trust store " + trustStore.get().path()
                        + " given without a key store: TLS needs the broker's own key");
            }
            return new EmbeddedBroker(new Options(host, port, user, password, maxFrameBytes, maxAddressBytes,
                    dataDir, keyStore, trustStore));
        }
    }
}
