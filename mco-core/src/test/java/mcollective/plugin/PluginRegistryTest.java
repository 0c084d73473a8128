package mcollective.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import mcollective.McollectiveException;
import mcollective.UnknownPluginException;
import mcollective.config.Config;
import mcollective.spi.Connector;
import mcollective.spi.InboundMessage;
import mcollective.spi.OutboundReply;
import mcollective.spi.OutboundRequest;
import mcollective.spi.PluginContext;
import mcollective.spi.Subscription;

class PluginRegistryTest {
    static final class FakeConnector implements Connector {
        private final String name;
        private final List<PluginContext> inits = new ArrayList<>();

        FakeConnector(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void init(PluginContext context) {
            inits.add(context);
        }

        @Override
        public void onMessage(Consumer<InboundMessage> listener) {}

        @Override
        public void connect(Optional<Duration> giveUpAfter) {}

        @Override
        public void subscribe(Subscription subscription) {}

        @Override
        public void unsubscribe(Subscription subscription) {}

        @Override
        public void publish(OutboundRequest request) {}

        @Override
        public void publish(OutboundReply reply) {}

        @Override
        public String replyTarget(String collective, long requestSequence) {
            return "";
        }

        @Override
        public void disconnect() {}
    }

    static PluginContext context(PluginRegistry registry) {
        Config config = Config.builder()
                .hostname("node1")
                .environment(Map.of())
                .set("plugin.fake.colour", "red")
                .set("plugin.other.colour", "blue")
                .build();
        return new PluginContext(config, "node", registry, Clock.systemUTC(), Map.of(), Map.of());
    }

    @Test
    void shouldMakeAFreshInstanceOfANamedPluginInitialisedWithItsOwnSettings() {
        PluginRegistry registry = PluginRegistry.builder()
                .autoDiscover(false)
                .add(Connector.class, () -> new FakeConnector("fake"))
                .build();

        FakeConnector first = (FakeConnector) registry.create(Connector.class, "fake", context(registry));
        FakeConnector second = (FakeConnector) registry.create(Connector.class, "fake", context(registry));

        assertThat(first.name()).isEqualTo("fake");
        assertThat(first).isNotSameAs(second);
        assertThat(first.inits).hasSize(1);
        assertThat(first.inits.get(0).pluginConfig().get("colour")).contains("red");
        assertThat(first.inits.get(0).registry()).isSameAs(registry);
    }

    @Test
    void shouldInitialiseEveryPluginOfATypeThatIsKept() {
        PluginRegistry registry = PluginRegistry.builder()
                .autoDiscover(false)
                .add(Connector.class, () -> new FakeConnector("fake"))
                .add(Connector.class, () -> new FakeConnector("other"))
                .build();
        List<FakeConnector> seen = new ArrayList<>();

        List<Connector> kept = registry.createAll(Connector.class, context(registry), c -> {
            seen.add((FakeConnector) c);
            return c.name().equals("other");
        });

        assertThat(kept).extracting(Connector::name).containsExactly("other");
        assertThat(((FakeConnector) kept.get(0)).inits.get(0).pluginConfig().get("colour"))
                .contains("blue");
        assertThat(seen).extracting(Connector::name).containsExactly("fake", "other");
        assertThat(seen.get(0).inits).isEmpty();
        assertThat(registry.createAll(Connector.class, context(registry)))
                .extracting(Connector::name)
                .containsExactly("fake", "other");
    }

    @Test
    void shouldListTheAvailableNamesForAnUnknownOne() {
        PluginRegistry registry = PluginRegistry.builder()
                .autoDiscover(false)
                .add(Connector.class, () -> new FakeConnector("activemq"))
                .add(Connector.class, () -> new FakeConnector("rabbitmq"))
                .build();

        assertThatThrownBy(() -> registry.create(Connector.class, "stompx", context(registry)))
                .isInstanceOf(UnknownPluginException.class)
                .hasMessage("No connector plugin 'stompx'; available: [activemq, rabbitmq]");
    }

    @Test
    void shouldRefuseTwoPluginsWithOneName() {
        assertThatThrownBy(() -> PluginRegistry.builder()
                        .autoDiscover(false)
                        .add(Connector.class, () -> new FakeConnector("dup"))
                        .add(Connector.class, () -> new FakeConnector("dup")))
                .isInstanceOf(McollectiveException.class)
                .hasMessage("Two connector plugins are named 'dup'");
    }
}
