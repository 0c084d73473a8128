package mcollective.broker;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

import mcollective.McollectiveException;

/**
 * Turns the options of an {@link EmbeddedBroker} into an Artemis {@link Configuration}: one STOMP acceptor, the
 * ActiveMQ-style {@code /queue/} and {@code /topic/} prefixes, addresses and queues created on first use and deleted
 * once unused, a short expiry scan, bounded memory per address, and either no persistence or a NIO journal in the
 * data directory. Stateless.
 */
final class ArtemisConfiguration {
    static final String ACCEPTOR = "stomp";
    private static final long EXPIRY_SCAN_MILLIS = 1000;
    /**
     * Expired and undeliverable messages are routed here, an address with no queue, so they are dropped: naming it
     * keeps Artemis from warning about a missing expiry/dead-letter address for every reply queue created.
     */
    private static final SimpleString DISCARDED = SimpleString.of("mcollective.discarded");

    private ArtemisConfiguration() {
    }

    /** The Artemis configuration for these options, listening on {@code port} (0 = any free port). */
    static Configuration of(EmbeddedBroker.Options options, int port) {
        AddressSettings everything = new AddressSettings()
                .setAutoCreateAddresses(true)
                .setAutoCreateQueues(true)
                .setAutoDeleteAddresses(true)
                .setAutoDeleteQueues(true)
                .setAutoDeleteCreatedQueues(true)
                .setMaxSizeBytes(options.maxAddressBytes())
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.FAIL)
                .setExpiryAddress(DISCARDED)
                .setDeadLetterAddress(DISCARDED)
                .setAutoCreateExpiryResources(false)
                .setAutoCreateDeadLetterResources(false);
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("mcollective-embedded")
                .setSecurityEnabled(true)
                .setJMXManagementEnabled(false)
                .setMessageExpiryScanPeriod(EXPIRY_SCAN_MILLIS)
                .setAddressQueueScanPeriod(EXPIRY_SCAN_MILLIS)
                .setGracefulShutdownEnabled(false)
                .addAddressSetting("#", everything);
        Optional<Path> dataDir = options.dataDir();
        if (dataDir.isPresent()) {
            Path dir = dataDir.get().toAbsolutePath();
            config.setPersistenceEnabled(true)
                    .setJournalType(JournalType.NIO)
                    .setJournalDirectory(dir.resolve("journal").toString())
                    .setBindingsDirectory(dir.resolve("bindings").toString())
                    .setPagingDirectory(dir.resolve("paging").toString())
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
     * topic subscriptions. Messages stay in memory up to the frame limit (no "large message" path).
     */
    static String acceptorUrl(EmbeddedBroker.Options options, int port) {
        StringBuilder url = new StringBuilder("tcp://").append(options.host()).append(':').append(port)
                .append("?protocols=STOMP")
                .append(";anycastPrefix=/queue/;multicastPrefix=/topic/")
                .append(";stompEnableMessageId=true")
                .append(";stompMinLargeMessageSize=").append(options.maxFrameBytes() + 1024);
        options.keyStore().ifPresent(store -> url.append(";sslEnabled=true")
                .append(";keyStorePath=").append(encode(store.path().toAbsolutePath().toString()))
                .append(";keyStorePassword=").append(encode(store.password())));
        options.trustStore().ifPresent(store -> url.append(";needClientAuth=true")
                .append(";trustStorePath=").append(encode(store.path().toAbsolutePath().toString()))
                .append(";trustStorePassword=").append(encode(store.password())));
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
