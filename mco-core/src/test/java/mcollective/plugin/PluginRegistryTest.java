package mcollective.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import mcollective.McollectiveException;
import mcollective.UnknownPluginException;
import mcollective.spi.Connector;
import mcollective.spi.InboundMessage;
import mcollective.spi.OutboundReply;
import mcollective.spi.OutboundRequest;
import mcollective.spi.Subscription;

class PluginRegistryTest {
    static final class FakeConnector implements Connector {
        private final String name;

        FakeConnector(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void onMessage(Consumer<InboundMessage> listener) {}

        @Override
        public void connect(Optional<java.time.Duration> giveUpAfter) {}

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

    @Test
    void shouldMakeAFreshInstanceOfANamedPlugin() {
        PluginRegistry registry = PluginRegistry.builder()
                .autoDiscover(false)
                .add(Connector.class, () -> new FakeConnector("fake"))
                .build();

        Connector first = registry.create(Connector.class, "fake");
        Connector second = registry.create(Connector.class, "fake");

        assertThat(first.name()).isEqualTo("fake");
        assertThat(first).isNotSameAs(second);
    }

    @Test
    void shouldListTheAvailableNamesForAnUnknownOne() {
        PluginRegistry registry = PluginRegistry.builder()
                .autoDiscover(false)
                .add(Connector.class, () -> new FakeConnector("activemq"))
                .add(Connector.class, () -> new FakeConnector("rabbitmq"))
                .build();

        assertThatThrownBy(() -> registry.create(Connector.class, "stompx"))
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
