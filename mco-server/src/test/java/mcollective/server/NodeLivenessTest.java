package mcollective.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import mcollective.broker.EmbeddedBroker;
import mcollective.config.Config;
import mcollective.plugin.PluginRegistry;
import mcollective.plugins.connector.stomp.StompClient;
import mcollective.plugins.connector.stomp.StompClientOptions;
import mcollective.plugins.connector.stomp.StompFrame;
import mcollective.plugins.connector.stomp.StompHost;
import mcollective.protocol.Filter;
import mcollective.protocol.Request;
import mcollective.protocol.RequestId;
import mcollective.spi.FactSource;
import mcollective.spi.PluginContext;
import mcollective.spi.SecurityProvider;
import mcollective.testkit.LogCapture;

/**
 * A node on a real (embedded) broker whose STOMP reader thread is killed: the node notices, restarts its
 * connection, subscribes again and answers within seconds.
 */
class NodeLivenessTest {
    static final String USER = "mcollective";
    static final String PASSWORD = "marionette";
    static final String PSK = "liveness-psk";
    static final String REPLIES = "/queue/mcollective.reply.liveness_1.1";

    /** Facts that, once armed, throw an error that ends the thread reading them (the connector's reader). */
    static final class TripwireFacts implements FactSource {
        final AtomicBoolean armed = new AtomicBoolean();

        @Override
        public String name() {
            return "tripwire";
        }

        @Override
        public Map<String, Object> facts() {
            if (armed.getAndSet(false)) {
                throw new InternalError("tripwire: the JVM is failing");
            }
            return Map.of("platform", "centos");
        }
    }

    final TripwireFacts facts = new TripwireFacts();
    final List<StompFrame> replies = new CopyOnWriteArrayList<>();
    EmbeddedBroker broker;
    Node node;
    StompClient client;
    SecurityProvider security;

    @BeforeEach
    void start() {
        broker = EmbeddedBroker.builder()
                .host("127.0.0.1")
                .port(0)
                .user(USER)
                .password(PASSWORD)
                .build();
        broker.start();
        Config config = Config.builder()
                .set("identity", "live.example.net")
                .set("collectives", "mcollective")
                .set("main_collective", "mcollective")
                .set("connector", "activemq")
                .set("plugin.activemq.pool.size", "1")
                .set("plugin.activemq.pool.1.host", "127.0.0.1")
                .set("plugin.activemq.pool.1.port", Integer.toString(broker.port()))
                .set("plugin.activemq.pool.1.user", USER)
                .set("plugin.activemq.pool.1.password", PASSWORD)
                .set("plugin.activemq.initial_reconnect_delay", "0.05")
                .set("securityprovider", "psk")
                .set("plugin.psk", PSK)
                .set("factsource", "tripwire")
                .environment(Map.of())
                .build();
        PluginRegistry registry =
                PluginRegistry.builder().add(FactSource.class, () -> facts).build();
        node = new Node(config, registry, Clock.systemUTC(), Map.of());
        node.start();
        security = registry.create(
                SecurityProvider.class,
                "psk",
                new PluginContext(config, "psk", registry, Clock.systemUTC(), Map.of(), Map.of()));
        client = new StompClient(StompClientOptions.builder()
                .host(StompHost.plain("127.0.0.1", broker.port(), USER, PASSWORD))
                .onMessage(replies::add)
                .build());
        client.connect();
        client.subscribe(REPLIES, Map.of());
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (node != null) {
            node.stop();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void shouldRestartTheConnectionWhenTheReaderThreadDiesAndAnswerAgainWithinSeconds() {
        awaitPong(Duration.ofSeconds(10));
        try (LogCapture log = LogCapture.of(ConnectionWatch.class)) {
            facts.armed.set(true);
            ping(); // the fact filter reads the facts on the reader thread: it ends

            await().atMost(Duration.ofSeconds(10)).until(() -> node.stats().get("crashed") == 1);
            long died = System.nanoTime();
            awaitPong(Duration.ofSeconds(10));
            assertThat(Duration.ofNanos(System.nanoTime() - died)).isLessThan(Duration.ofSeconds(8));
            assertThat(log.lines())
                    .contains("INFO Node live.example.net restarted its connection and subscribed again")
                    .anySatisfy(line -> assertThat(line)
                            .startsWith("ERROR Node live.example.net cannot receive: STOMP reader thread stomp-reader-")
                            .contains("ended: java.lang.InternalError: tripwire"));
        }
    }

    /** Pings until a pong comes: broadcasts sent while the node reconnects reach nobody. */
    private void awaitPong(Duration limit) {
        replies.clear();
        await().atMost(limit).pollInterval(Duration.ofMillis(300)).until(() -> {
            if (replies.isEmpty()) {
                ping();
            }
            return !replies.isEmpty();
        });
        assertThat(security.decodeReply(replies.get(0).body()).body()).isEqualTo("pong");
    }

    private void ping() {
        Filter centos = Filter.builder().addFact("platform=centos").build();
        Request ping = new Request(
                RequestId.next(),
                "liveness",
                "uid=0",
                "discovery",
                "mcollective",
                centos,
                60,
                Clock.systemUTC().instant().getEpochSecond(),
                "ping");
        client.send("/topic/mcollective.discovery.agent", Map.of("reply-to", REPLIES), security.encodeRequest(ping));
    }
}
