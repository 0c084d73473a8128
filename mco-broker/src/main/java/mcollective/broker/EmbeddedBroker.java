package mcollective.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 *   <li>addresses and queues are created on first use and deleted once unused; a queue nobody reads is deleted
 *       with what it holds (see {@link AddressPolicies});</li>
 *   <li>a {@code selector} header on SUBSCRIBE works, so a node reading {@code /queue/<c>.nodes} with
 *       {@code mc_identity = 'node1'} gets only its own directed messages;</li>
 *   <li>the {@code expires} header (absolute milliseconds) is honoured and expired messages are scanned away every
 *       second;</li>
 *   <li>only the configured logins are accepted, any other CONNECT is answered with an ERROR frame; each login may
 *       read and write only what its {@link BrokerRole} needs (ADR 012, {@link DestinationPolicy}). Without
 *       {@link Builder#addUser} there is one login, {@link Builder#user}/{@link Builder#password}, with the admin
 *       role.</li>
 * </ul>
 * It protects itself (ADR 006): frames are checked against {@link FrameLimits} while they arrive; connections are
 * limited in number, must log in within the connect timeout and are closed when they stop reading; every address is
 * bounded (MCollective's by {@link Builder#maxAddressBytes}, others small) and drops what does not fit, so nothing
 * waits on paging. An authenticated STOMP 1.0
 * connection is not dropped for being idle unless {@link Builder#idleTimeout} says so.
 * The default routing type is deliberately left alone: making it ANYCAST silently breaks STOMP topic subscriptions.
 *
 * <p>Artemis logs through SLF4J under {@code org.apache.activemq}: the launchers' logback configurations keep it at
 * WARN or quieter. {@link #start()} and {@link #stop()} are synchronized and may be called from any thread.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final BrokerOptions options;
    private EmbeddedActiveMQ server;
    private Optional<Path> scratch = Optional.empty();
    private Optional<Path> tlsScratch = Optional.empty();
    private int boundPort;

    private EmbeddedBroker(BrokerOptions options) {
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
        Path pagingDir = options.dataDir().map(dir -> dir.resolve("paging")).orElseGet(this::scratchPagingDir);
        BrokerOptions effective = options.pemTls().map(this::withPemStores).orElse(options);
        EmbeddedActiveMQ embedded = new EmbeddedActiveMQ();
        embedded.setConfiguration(ArtemisConfiguration.of(effective, port, pagingDir));
        embedded.setSecurityManager(new BrokerSecurity(options.users()));
        try {
            embedded.start();
        } catch (Exception e) {
            stopQuietly(embedded);
            removeScratch();
            throw new McollectiveException(
                    "Could not start the embedded broker on " + options.host() + ":" + port + ": " + e.getMessage(), e);
        }
        Acceptor acceptor =
                embedded.getActiveMQServer().getRemotingService().getAcceptor(ArtemisConfiguration.ACCEPTOR);
        if (!(acceptor instanceof NettyAcceptor netty) || !netty.isStarted() || netty.getActualPort() <= 0) {
            stopQuietly(embedded);
            removeScratch();
            throw new McollectiveException("The embedded broker could not listen on " + options.host() + ":" + port
                    + " (is the port in use?)");
        }
        server = embedded;
        boundPort = netty.getActualPort();
        LOG.info(
                "Embedded broker accepting STOMP{} on {}:{}",
                options.tls() ? " over TLS" : "",
                options.host(),
                boundPort);
    }

    /** Stops the broker and closes its port at once, so the same port can be bound again. Idempotent. */
    public synchronized void stop() {
        if (server != null) {
            stopQuietly(server);
            server = null;
            removeScratch();
            LOG.info("Embedded broker on {}:{} stopped", options.host(), boundPort);
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    private Path scratchPagingDir() {
        Path dir = ScratchDirectory.create("paging");
        scratch = Optional.of(dir);
        return dir;
    }

    /** The options with TLS from PKCS12 files, written from the PEM material into a private directory. */
    private BrokerOptions withPemStores(PemTls pem) {
        Path dir = ScratchDirectory.create("tls");
        tlsScratch = Optional.of(dir);
        List<BrokerOptions.Store> stores = pem.write(dir);
        return options.withStores(stores.get(0), stores.stream().skip(1).findFirst());
    }

    private void removeScratch() {
        scratch.ifPresent(ScratchDirectory::delete);
        scratch = Optional.empty();
        tlsScratch.ifPresent(ScratchDirectory::delete);
        tlsScratch = Optional.empty();
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

    /** Builds an {@link EmbeddedBroker}. Not thread-safe; every setter rejects null and out-of-range values. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 61613;
        private String user = "mcollective";
        private String password = "marionette";
        private FrameLimits frameLimits = FrameLimits.DEFAULTS;
        /** Unset: {@link #defaultAddressBytes}. */
        private long maxAddressBytes;

        private long maxMemoryBytes = Runtime.getRuntime().maxMemory() / 4;
        private int maxConnections = 1000;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration idleTimeout = Duration.ZERO;
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Optional<Path> dataDir = Optional.empty();
        private Optional<BrokerOptions.Store> keyStore = Optional.empty();
        private Optional<BrokerOptions.Store> trustStore = Optional.empty();
        private Optional<PemTls> pemTls = Optional.empty();
        private final List<BrokerUser> users = new ArrayList<>();

        private Builder() {}

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

        /** The one login accepted when no {@link #addUser} is given (default mcollective); it is an admin. */
        public Builder user(String value) {
            this.user = Objects.requireNonNull(value, "user");
            return this;
        }

        /** The password of that login (default marionette). */
        public Builder password(String value) {
            this.password = Objects.requireNonNull(value, "password");
            return this;
        }

        /**
         * Accepts this login, with its role; once one is added, {@link #user}/{@link #password} are not accepted.
         */
        public Builder addUser(BrokerUser value) {
            users.add(Objects.requireNonNull(value, "user"));
            return this;
        }

        /** What one frame may hold (default {@link FrameLimits#DEFAULTS}). */
        public Builder frameLimits(FrameLimits value) {
            this.frameLimits = Objects.requireNonNull(value, "frameLimits");
            return this;
        }

        /** The largest frame body a client may send (default 16 MiB); the other frame limits stay. */
        public Builder maxFrameBytes(int value) {
            this.frameLimits = frameLimits.withMaxBodyBytes(value);
            return this;
        }

        /**
         * How many bytes of messages one MCollective address may hold before new messages to it are dropped (default
         * 64 MiB, or a quarter of {@link #maxMemoryBytes} if that is less, so one flooded address leaves room for the
         * others).
         */
        public Builder maxAddressBytes(long value) {
            this.maxAddressBytes = positive("max_address_size", value);
            return this;
        }

        /**
         * How many bytes of messages the broker holds in memory in all (default a quarter of the JVM's heap); beyond
         * that new messages are dropped, on every address, until there is room again.
         */
        public Builder maxMemoryBytes(long value) {
            this.maxMemoryBytes = positive("max_memory", value);
            return this;
        }

        /** How many STOMP connections may be open at once (default 1000); more are refused with an ERROR frame. */
        public Builder maxConnections(int value) {
            this.maxConnections = (int) positive("max_connections", value);
            return this;
        }

        /** How long a client may take from opening the connection to logging in (default 5 s; whole seconds). */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = seconds("connect_timeout", value, false);
            return this;
        }

        /**
         * How long an authenticated connection without heart-beats may stay silent before the broker drops it
         * (default zero: for ever, as ActiveMQ does for STOMP 1.0; whole seconds). Heart-beating connections are
         * dropped after two missed heart-beats instead.
         */
        public Builder idleTimeout(Duration value) {
            this.idleTimeout = seconds("idle_timeout", value, true);
            return this;
        }

        /** How long a connection may leave what the broker sends it unread before it is closed (default 30 s). */
        public Builder writeTimeout(Duration value) {
            this.writeTimeout = seconds("write_timeout", value, false);
            return this;
        }

        /**
         * Keep the broker's journal in this directory (default: no journal, everything in memory; Artemis' paging
         * directory, unused as no address pages, is then a temporary directory removed when the broker stops).
         */
        public Builder dataDir(Path value) {
            this.dataDir = Optional.of(Objects.requireNonNull(value, "dataDir"));
            return this;
        }

        /** Accept STOMP over TLS only, with this key store (PKCS12 or JKS) holding the broker's key. */
        public Builder keyStore(Path path, String storePassword) {
            this.keyStore = Optional.of(new BrokerOptions.Store(
                    Objects.requireNonNull(path, "keyStore"),
                    Objects.requireNonNull(storePassword, "keyStore password")));
            return this;
        }

        /** With {@link #keyStore}: require client certificates signed by what this trust store holds. */
        public Builder trustStore(Path path, String storePassword) {
            this.trustStore = Optional.of(new BrokerOptions.Store(
                    Objects.requireNonNull(path, "trustStore"),
                    Objects.requireNonNull(storePassword, "trustStore password")));
            return this;
        }

        /**
         * Accept STOMP over TLS only, presenting the certificate (chain) in the PEM file {@code certificate} with the
         * private key in {@code key} (PKCS#1, PKCS#8 or EC, unencrypted); with {@code clientCa}, also require client
         * certificates signed by the CA(s) in that PEM file. The files are read here, so a mistake is reported now.
         */
        public Builder tls(Path certificate, Path key, Optional<Path> clientCa) {
            this.pemTls = Optional.of(PemTls.read(
                    Objects.requireNonNull(certificate, "certificate"), Objects.requireNonNull(key, "key"), clientCa));
            return this;
        }

        /** The broker, not yet started. */
        public EmbeddedBroker build() {
            if (pemTls.isPresent() && keyStore.isPresent()) {
                throw new McollectiveException("Broker TLS given both as PEM files and as key store "
                        + keyStore.get().path() + ": choose one");
            }
            if (trustStore.isPresent() && keyStore.isEmpty()) {
                throw new McollectiveException("Broker trust store "
                        + trustStore.get().path() + " given without a key store: TLS needs the broker's own key");
            }
            long addressBytes = maxAddressBytes > 0 ? maxAddressBytes : defaultAddressBytes(maxMemoryBytes);
            return new EmbeddedBroker(new BrokerOptions(
                    host,
                    port,
                    users.isEmpty() ? List.of(new BrokerUser(user, BrokerRole.ADMIN, Password.plain(password))) : users,
                    frameLimits,
                    addressBytes,
                    maxMemoryBytes,
                    maxConnections,
                    connectTimeout,
                    idleTimeout,
                    writeTimeout,
                    dataDir,
                    keyStore,
                    trustStore,
                    pemTls));
        }

        static long defaultAddressBytes(long maxMemoryBytes) {
            return Math.max(1, Math.min(64L * 1024 * 1024, maxMemoryBytes / 4));
        }

        private static long positive(String key, long value) {
            if (value <= 0) {
                throw new McollectiveException("Broker " + key + " " + value + " must be positive");
            }
            return value;
        }

        private static Duration seconds(String key, Duration value, boolean zeroAllowed) {
            Objects.requireNonNull(value, key);
            if (value.isNegative() || (value.isZero() && !zeroAllowed) || value.toMillis() % 1000 != 0) {
                throw new McollectiveException("Broker " + key + " " + value.toMillis() + " ms must be a "
                        + (zeroAllowed ? "" : "positive ") + "number of whole seconds");
            }
            return value;
        }
    }
}
