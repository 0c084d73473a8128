package mcollective.broker;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;

import mcollective.McollectiveException;

/**
 * Turns the options of an {@link EmbeddedBroker} into an Artemis {@link Configuration}: one STOMP acceptor, the
 * ActiveMQ-style {@code /queue/} and {@code /topic/} prefixes, the address settings of {@link AddressPolicies}, a
 * memory bound for all messages, the {@link ConnectionGuard} plugin, a short expiry scan, and either no persistence
 * or a NIO journal in the data directory. Stateless.
 */
final class ArtemisConfiguration {
    static final String ACCEPTOR = "stomp";
    private static final long SCAN_MILLIS = 1000;
    /**
     * The connection TTL of an idle timeout of zero: so long that it never ends (Artemis refuses a TTL of zero, and
     * adds the TTL to the last check time, so {@code Long.MAX_VALUE} would overflow).
     */
    static final long NEVER_MILLIS = Long.MAX_VALUE / 4;

    private ArtemisConfiguration() {}

    /** The Artemis configuration for these options, listening on {@code port} (0 = any free port). */
    static Configuration of(BrokerOptions options, int port, Path pagingDir) {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("mcollective-embedded")
                .setSecurityEnabled(true)
                .setJMXManagementEnabled(false)
                .setMessageExpiryScanPeriod(SCAN_MILLIS)
                .setAddressQueueScanPeriod(SCAN_MILLIS)
                .setGracefulShutdownEnabled(false)
                .setGlobalMaxSize(options.maxMemoryBytes())
                .setPagingDirectory(pagingDir.toAbsolutePath().toString());
        AddressPolicies.of(options.maxAddressBytes()).forEach(config::addAddressSetting);
        config.registerBrokerPlugin(new ConnectionGuard(
                options.frameLimits(), options.maxConnections(), options.connectTimeout(), options.writeTimeout()));
        Optional<Path> dataDir = options.dataDir();
        if (dataDir.isPresent()) {
            Path dir = dataDir.get().toAbsolutePath();
            config.setPersistenceEnabled(true)
                    .setJournalType(JournalType.NIO)
                    .setJournalDirectory(dir.resolve("journal").toString())
                    .setBindingsDirectory(dir.resolve("bindings").toString())
                    .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                    .setNodeManagerLockDirectory(dir.toString());
        } else {
            config.setPersistenceEnabled(false);
        }
        String url = acceptorUrl(options, port);
        try {
            config.addAcceptorConfiguration(ACCEPTOR, url);
        } catch (Exception e) {
            throw new McollectiveException("Bad embedded broker acceptor " + url + ": " + e.getMessage(), e);
        }
        return config;
    }

    /**
     * The acceptor URL. Only the prefixes are set: a default routing type of ANYCAST would silently break STOMP
     * topic subscriptions. Messages stay in memory up to the frame limit (no "large message" path). A connection
     * must send its first bytes within the connect timeout ({@code handshake-timeout}); after that the
     * {@link StompGuard} times the login. The connection TTL is what an authenticated connection without
     * heart-beats gets: heart-beating connections get theirs from the heart-beats.
     */
    static String acceptorUrl(BrokerOptions options, int port) {
        long ttl = options.idleTimeout().isZero()
                ? NEVER_MILLIS
                : options.idleTimeout().toMillis();
        StringBuilder url = new StringBuilder("tcp://")
                .append(options.host())
                .append(':')
                .append(port)
                .append("?protocols=STOMP")
                .append(";anycastPrefix=/queue/;multicastPrefix=/topic/")
                .append(";stompEnableMessageId=true")
                .append(";stompMinLargeMessageSize=")
                .append(options.frameLimits().maxBodyBytes() + 1024)
                .append(";handshake-timeout=")
                .append(options.connectTimeout().toSeconds())
                .append(";connectionTtl=")
                .append(ttl);
        options.keyStore()
                .ifPresent(store -> url.append(";sslEnabled=true")
                        .append(";keyStorePath=")
                        .append(encode(store.path().toAbsolutePath().toString()))
                        .append(";keyStorePassword=")
                        .append(encode(store.password())));
        options.trustStore()
                .ifPresent(store -> url.append(";needClientAuth=true")
                        .append(";trustStorePath=")
                        .append(encode(store.path().toAbsolutePath().toString()))
                        .append(";trustStorePassword=")
                        .append(encode(store.password())));
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
