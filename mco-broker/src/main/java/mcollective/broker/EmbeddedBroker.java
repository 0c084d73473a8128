package mcollective.broker;

import java.util.Objects;
import java.util.Set;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;

/**
 * An in-process Apache Artemis broker with one STOMP acceptor, set up so that Ruby MCollective 2.12.5
 * (ruby-stomp) and this port use it exactly as they use ActiveMQ: {@code /queue/} and {@code /topic/} prefixes
 * map to anycast and multicast addresses, queues and topics are created on first use and deleted when unused,
 * {@code selector} subscriptions work for the directed {@code /queue/<c>.nodes}, and messages expire by their
 * {@code expires} header. One user/password pair is accepted; anything else is refused at CONNECT.
 *
 * <p>The default routing type is deliberately left alone: making it ANYCAST silently breaks STOMP topic
 * subscriptions. Not thread-safe for start/stop; call them from one thread.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final String ACCEPTOR = "stomp";

    private final String host;
    private final int requestedPort;
    private final String user;
    private final String password;
    private final int maxFrameBytes;
    private EmbeddedActiveMQ server;
    private int port = -1;

    private EmbeddedBroker(Builder builder) {
        this.host = builder.host;
        this.requestedPort = builder.port;
        this.user = builder.user;
        this.password = builder.password;
        this.maxFrameBytes = builder.maxFrameBytes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the broker; throws with the reason (such as the port being taken) if it cannot. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        EmbeddedActiveMQ embedded = new EmbeddedActiveMQ();
        embedded.setConfiguration(configuration());
        embedded.setSecurityManager(new SingleUser(user, password));
        try {
            embedded.start();
        } catch (Exception e) {
            stopQuietly(embedded);
            throw new McollectiveException("Could not start the embedded broker on " + host + ":" + requestedPort
                    + ": " + e.getMessage(), e);
        }
        if (!(embedded.getActiveMQServer().getRemotingService().getAcceptor(ACCEPTOR) instanceof NettyAcceptor netty)
                || netty.getActualPort() <= 0) {
            stopQuietly(embedded);
            throw new McollectiveException("The embedded broker could not listen on " + host + ":" + requestedPort
                    + " (is the port in use?)");
        }
        server = embedded;
        port = netty.getActualPort();
        LOG.info("Embedded broker accepting STOMP on {}:{}", host, port);
    }

    private Configuration configuration() {
        String url = "tcp://" + host + ":" + requestedPort + "?protocols=STOMP"
                + ";anycastPrefix=/queue/;multicastPrefix=/topic/"
                + ";stompMaxFramePayloadLength=" + maxFrameBytes
                + ";stompEnableMessageId=true";
        AddressSettings everything = new AddressSettings()
                .setAutoCreateAddresses(true)
                .setAutoCreateQueues(true)
                .setAutoDeleteQueues(true)
                .setAutoDeleteAddresses(true)
                .setAutoDeleteCreatedQueues(true)
                .setMaxSizeBytes(64L * 1024 * 1024)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.FAIL)
                .setAutoCreateExpiryResources(false)
                .setAutoCreateDeadLetterResources(false);
        Configuration config = new ConfigurationImpl()
                .setName("mcollective-embedded")
                .setPersistenceEnabled(false)
                .setSecurityEnabled(true)
                .setJMXManagementEnabled(false)
                .setMessageExpiryScanPeriod(1000)
                .setAddressQueueScanPeriod(1000)
                .setGracefulShutdownEnabled(false)
                .addAddressSetting("#", everything);
        try {
            config.addAcceptorConfiguration(ACCEPTOR, url);
        } catch (Exception e) {
            throw new McollectiveException("Bad embedded broker acceptor " + url + ": " + e.getMessage(), e);
        }
        return config;
    }

    /** Stops the broker and frees its port at once. Idempotent. */
    public synchronized void stop() {
        if (server != null) {
            stopQuietly(server);
            server = null;
            LOG.info("Embedded broker on {}:{} stopped", host, port);
        }
    }

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

    public synchronized boolean isStarted() {
        return server != null;
    }

    /** The port it listens on: the real one once started (also when built with port 0). */
    public synchronized int port() {
        return port > 0 ? port : requestedPort;
    }

    public String host() {
        return host;
    }

    /** One user with every permission; every other login is refused. */
    private record SingleUser(String user, String password) implements ActiveMQSecurityManager {
        @Override
        public boolean validateUser(String login, String passcode) {
            return Objects.equals(user, login) && Objects.equals(password, passcode);
        }

        @Override
        public boolean validateUserAndRole(String login, String passcode, Set<Role> roles, CheckType checkType) {
            return validateUser(login, passcode);
        }
    }

    /** Builds an {@link EmbeddedBroker}; defaults: 127.0.0.1:61613, mcollective/marionette. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 61613;
        private String user = "mcollective";
        private String password = "marionette";
        private int maxFrameBytes = 16 * 1024 * 1024;

        public Builder host(String value) {
            this.host = Objects.requireNonNull(value, "host");
            return this;
        }

        /** The STOMP port; 0 picks a free one. */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder user(String value) {
            this.user = Objects.requireNonNull(value, "user");
            return this;
        }

        public Builder password(String value) {
            this.password = Objects.requireNonNull(value, "password");
            return this;
        }

        /** The largest STOMP frame body accepted from a client (default 16 MiB). */
        public Builder maxFrameBytes(int value) {
            this.maxFrameBytes = value;
            return this;
        }

        public EmbeddedBroker build() {
            return new EmbeddedBroker(this);
        }
    }
}
