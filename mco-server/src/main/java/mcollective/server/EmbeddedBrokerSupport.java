package mcollective.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.broker.EmbeddedBroker;
import mcollective.broker.FrameLimits;
import mcollective.config.Config;
import mcollective.config.PluginConfig;

/**
 * Starts the in-process Artemis broker when the node's config asks for one, so that a node and {@code mco} work with
 * no external broker. Keys (all optional but the first), read from {@code plugin.broker.*} so that a Ruby node given
 * the same file ignores them:
 * <pre>
 * plugin.broker.embedded = 1
 * plugin.broker.host = 127.0.0.1                 # default
 * plugin.broker.port = 61613                     # default; 0 picks a free port
 * plugin.broker.user = mcollective               # default: plugin.activemq.pool.1.user
 * plugin.broker.password = marionette            # default: plugin.activemq.pool.1.password
 * </pre>
 * and the self-protection keys ({@code max_connections}, {@code connect_timeout}, {@code idle_timeout},
 * {@code write_timeout}, frame, memory and {@code data_dir} settings) listed in docs/configuration.md (ADR 006).
 */
final class EmbeddedBrokerSupport {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBrokerSupport.class);
    private final Optional<EmbeddedBroker> broker;

    private EmbeddedBrokerSupport(Optional<EmbeddedBroker> broker) {
        this.broker = broker;
    }

    static EmbeddedBrokerSupport fromConfig(Config config) {
        PluginConfig settings = config.plugin("broker");
        if (!settings.getBool("embedded", false)) {
            return new EmbeddedBrokerSupport(Optional.empty());
        }
        PluginConfig pool = config.plugin("activemq");
        EmbeddedBroker.Builder broker = EmbeddedBroker.builder()
                .host(settings.get("host").orElse("127.0.0.1"))
                .port(settings.getInt("port").orElse(61613))
                .user(settings.get("user").or(() -> pool.get("pool.1.user")).orElse("mcollective"))
                .password(settings.get("password")
                        .or(() -> pool.get("pool.1.password"))
                        .orElse("marionette"));
        return new EmbeddedBrokerSupport(Optional.of(limits(broker, settings).build()));
    }

    /** The self-protection settings; each one left out keeps the broker's default. */
    private static EmbeddedBroker.Builder limits(EmbeddedBroker.Builder broker, PluginConfig settings) {
        FrameLimits d = FrameLimits.DEFAULTS;
        broker.frameLimits(new FrameLimits(
                settings.getInt("max_frame_size").orElse(d.maxBodyBytes()),
                settings.getInt("max_headers").orElse(d.maxHeaders()),
                settings.getInt("max_header_line_size").orElse(d.maxHeaderLineBytes()),
                settings.getInt("max_header_size").orElse(d.maxHeaderBytes())));
        settings.getInt("max_connections").ifPresent(broker::maxConnections);
        settings.getInt("connect_timeout").map(Duration::ofSeconds).ifPresent(broker::connectTimeout);
        settings.getInt("idle_timeout").map(Duration::ofSeconds).ifPresent(broker::idleTimeout);
        settings.getInt("write_timeout").map(Duration::ofSeconds).ifPresent(broker::writeTimeout);
        settings.getInt("max_address_size").ifPresent(broker::maxAddressBytes);
        settings.getInt("max_memory").ifPresent(broker::maxMemoryBytes);
        settings.get("data_dir").map(Path::of).ifPresent(broker::dataDir);
        return broker;
    }

    void start() {
        broker.ifPresent(b -> {
            b.start();
            LOG.info("Embedded broker listening for STOMP on {}:{}", b.host(), b.port());
        });
    }

    void stop() {
        broker.ifPresent(EmbeddedBroker::stop);
    }
}
