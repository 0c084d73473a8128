package mcollective.server;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.broker.EmbeddedBroker;
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
        EmbeddedBroker broker = EmbeddedBroker.builder()
                .host(settings.get("host").orElse("127.0.0.1"))
                .port(settings.getInt("port").orElse(61613))
                .user(settings.get("user").or(() -> pool.get("pool.1.user")).orElse("mcollective"))
                .password(settings.get("password").or(() -> pool.get("pool.1.password")).orElse("marionette"))
                .build();
        return new EmbeddedBrokerSupport(Optional.of(broker));
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
