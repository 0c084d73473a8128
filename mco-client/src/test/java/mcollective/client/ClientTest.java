package mcollective.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;

import mcollective.config.Config;
import mcollective.plugin.PluginRegistry;
import mcollective.protocol.Filter;
import mcollective.protocol.Reply;
import mcollective.protocol.Request;
import mcollective.spi.Connector;
import mcollective.spi.PluginContext;
import mcollective.spi.SecurityProvider;
import mcollective.testkit.HostilePayloads;
import mcollective.testkit.InMemoryConnector;
import mcollective.testkit.LogCapture;

/** The client's reply path on the in-memory connector: one hostile reply never costs the others. */
class ClientTest {
    final InMemoryConnector connector = new InMemoryConnector();
    final PluginRegistry registry =
            PluginRegistry.builder().add(Connector.class, () -> connector).build();
    final Config config = Config.builder()
            .set("identity", "client.example.net")
            .set("connector", "inmemory")
            .set("plugin.psk", "unit-psk")
            .environment(Map.of())
            .build();

    @Test
    void shouldCountAndLogAHostileReplyAndStillCollectTheOthers() {
        SecurityProvider node = security();
        List<String> printed = new CopyOnWriteArrayList<>();
        RequestStats stats;
        try (Client client = new Client(config, registry, ClientOptions.defaults());
                LogCapture log = LogCapture.of(Client.class)) {
            client.connect();
            CompletableFuture<Void> replies = CompletableFuture.runAsync(() -> {
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> !connector.requests().isEmpty());
                Request request = node.decodeRequest(connector.requests().get(0).payload());
                connector.deliver(node.encodeReply(pong(request, "a.example.net")), "r", null);
                connector.deliver(HostilePayloads.forgedLogLine(), "r", null);
                connector.deliver(node.encodeReply(pong(request, "crash.example.net")), "r", null);
                connector.deliver(node.encodeReply(pong(request, "c.example.net")), "r", null);
            });
            stats = client.request(
                    "ping",
                    "discovery",
                    Filter.empty(),
                    List.of(),
                    Duration.ofSeconds(5),
                    count -> count >= 2,
                    reply -> {
                        if (reply.senderId().startsWith("crash")) {
                            throw new StackOverflowError(); // printing this reply went wrong
                        }
                        printed.add(reply.senderId());
                    });
            replies.join();

            assertThat(log.messages(Level.WARN))
                    .hasSize(2)
                    .allSatisfy(line -> assertThat(line).doesNotContain("\n"))
                    .anySatisfy(line -> assertThat(line)
                            .startsWith("Failed to decode a message from 'test'")
                            .contains("1.0\\nE, [2026-12-03T10:00:00.000000+00:00 #1] ERROR -- : forged"))
                    .anySatisfy(line -> assertThat(line)
                            .isEqualTo("Refusing the reply from 'crash.example.net': "
                                    + "processing it failed: java.lang.StackOverflowError"));
        }
        assertThat(printed).containsExactly("a.example.net", "c.example.net");
        assertThat(stats.responses()).isEqualTo(2);
        assertThat(stats.refused()).isEqualTo(2);
    }

    private static Reply pong(Request request, String sender) {
        return new Reply(
                request.requestId(),
                sender,
                "discovery",
                Clock.systemUTC().instant().getEpochSecond(),
                "pong");
    }

    private SecurityProvider security() {
        SecurityProvider provider = registry.create(
                SecurityProvider.class,
                "psk",
                new PluginContext(config, "psk", registry, Clock.systemUTC(), Map.of(), Map.of()));
        return provider;
    }
}
