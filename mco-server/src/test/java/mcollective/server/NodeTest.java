package mcollective.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.config.Config;
import mcollective.plugin.PluginRegistry;
import mcollective.protocol.Filter;
import mcollective.protocol.Reply;
import mcollective.protocol.Request;
import mcollective.protocol.RequestId;
import mcollective.protocol.codec.RubySymbol;
import mcollective.spi.Agent;
import mcollective.spi.Connector;
import mcollective.spi.PluginContext;
import mcollective.spi.SecurityProvider;
import mcollective.spi.Subscription;
import mcollective.testkit.HostilePayloads;
import mcollective.testkit.InMemoryConnector;
import mcollective.testkit.LogCapture;

/** A node on the in-memory connector: subscriptions, the checks before dispatch, timeouts and replies. */
class NodeTest {
    static final String PSK = "unit-psk";

    /** An agent whose only request blocks until interrupted. */
    static final class StuckAgent implements Agent {
        @Override
        public String name() {
            return "stuck";
        }

        @Override
        public Duration timeout() {
            return Duration.ofMillis(300);
        }

        @Override
        public Optional<Object> handle(Request request) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of("too late");
        }
    }

    /** An agent that throws an Error, as a broken plugin or a runaway recursion would. */
    static final class CrashingAgent implements Agent {
        @Override
        public String name() {
            return "crashing";
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(5);
        }

        @Override
        public Optional<Object> handle(Request request) {
            throw new AssertionError("a broken plugin");
        }
    }

    @TempDir
    Path dir;

    InMemoryConnector connector;
    Node node;
    SecurityProvider security;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(dir.resolve("facts.yaml"), "---\nplatform: centos\n");
        connector = new InMemoryConnector();
        PluginRegistry registry = PluginRegistry.builder()
                .add(Connector.class, () -> connector)
                .add(Agent.class, StuckAgent::new)
                .add(Agent.class, CrashingAgent::new)
                .build();
        Config config = Config.builder()
                .set("identity", "unit.example.net")
                .set("connector", "inmemory")
                .set("collectives", "mcollective,eu")
                .set("plugin.psk", PSK)
                .set("plugin.yaml", dir.resolve("facts.yaml").toString())
                .set("classesfile", dir.resolve("classes.txt").toString())
                .environment(Map.of())
                .build();
        node = new Node(config, registry, Clock.systemUTC(), Map.of());
        node.start();
        security = registry.create(
                SecurityProvider.class,
                "psk",
                new PluginContext(config, "psk", registry, Clock.systemUTC(), Map.of(), Map.of()));
    }

    @AfterEach
    void stop() {
        node.stop();
    }

    @Test
    void shouldSubscribeTheDirectedQueueAndEveryAgentInEveryCollective() {
        assertThat(connector.isConnected()).isTrue();
        assertThat(connector.subscriptions())
                .contains(
                        Subscription.directed("mcollective"),
                        Subscription.directed("eu"),
                        Subscription.broadcast("discovery", "mcollective"),
                        Subscription.broadcast("discovery", "eu"),
                        Subscription.broadcast("rpcutil", "eu"),
                        Subscription.broadcast("stuck", "mcollective"));
    }

    @Nested
    class Replies {
        @Test
        void shouldAnswerADiscoveryPingWithPong() {
            Request ping = request("discovery", "ping", Filter.empty());

            connector.deliver(security.encodeRequest(ping), "/topic/mcollective.discovery.agent", "/queue/r.1");

            Reply reply = awaitReply();
            assertThat(reply.body()).isEqualTo("pong");
            assertThat(reply.requestId()).isEqualTo(ping.requestId());
            assertThat(reply.senderId()).isEqualTo("unit.example.net");
            assertThat(connector.replies().get(0).replyTo()).isEqualTo("/queue/r.1");
            assertThat(node.stats().get("replies")).isEqualTo(1);
        }

        @Test
        void shouldAnswerRpcutilPingWithTheTime() {
            connector.deliver(
                    security.encodeRequest(request("rpcutil", rpcutil("ping"), Filter.empty())), "t", "/queue/r.2");

            Map<?, ?> reply = (Map<?, ?>) awaitReply().body();
            assertThat(reply.get(RubySymbol.of("statuscode"))).isEqualTo(0L);
            assertThat(reply.get(RubySymbol.of("statusmsg"))).isEqualTo("OK");
        }

        @Test
        void shouldNotReplyWhenProcessResultsIsFalse() {
            Map<Object, Object> body = new LinkedHashMap<>();
            body.put(RubySymbol.of("action"), "ping");
            body.put(RubySymbol.of("data"), Map.of(RubySymbol.of("process_results"), false));

            connector.deliver(security.encodeRequest(request("rpcutil", body, Filter.empty())), "t", "/queue/r");

            await().until(() -> node.stats().get("passed") == 1);
            assertThat(connector.replies()).isEmpty();
        }
    }

    @Nested
    class Drops {
        @Test
        void shouldCountRequestsFilteredOut() {
            Filter windows = Filter.builder().addFact("platform=windows").build();

            connector.deliver(security.encodeRequest(request("discovery", "ping", windows)), "t", "/queue/r");

            assertThat(node.stats().get("filtered")).isEqualTo(1);
            assertThat(connector.replies()).isEmpty();
        }

        @Test
        void shouldGiveUpOnAStuckAgentAfterItsTimeoutAndKeepServing() {
            connector.deliver(security.encodeRequest(request("stuck", "x", Filter.empty())), "t", "/queue/r");

            await().atMost(Duration.ofSeconds(5)).until(() -> node.stats().get("timeouts") == 1);
            connector.deliver(security.encodeRequest(request("discovery", "ping", Filter.empty())), "t", "/queue/r");
            assertThat(awaitReply().body()).isEqualTo("pong");
            assertThat(connector.replies()).hasSize(1);
        }

        @Test
        void shouldCountAnAgentThatThrowsAnErrorLogItOnceAndKeepServing() {
            try (LogCapture log = LogCapture.of(RequestProcessor.class)) {
                connector.deliver(security.encodeRequest(request("crashing", "x", Filter.empty())), "t", "/queue/r");

                await().atMost(Duration.ofSeconds(5)).until(() -> node.stats().get("crashed") == 1);
                assertThat(log.messages(Level.ERROR))
                        .singleElement()
                        .asString()
                        .startsWith("Agent crashing crashed on message ")
                        .contains("from tester")
                        .endsWith("java.lang.AssertionError: a broken plugin");
            }
            connector.deliver(security.encodeRequest(request("discovery", "ping", Filter.empty())), "t", "/queue/r");
            assertThat(awaitReply().body()).isEqualTo("pong");
        }

        @Test
        void shouldNotLetAFloatTextForgeALogLine() {
            try (LogCapture log = LogCapture.of(RequestProcessor.class)) {
                connector.deliver(HostilePayloads.forgedLogLine(), "/topic/mcollective.discovery.agent", "/queue/r");

                assertThat(node.stats().get("malformed")).isEqualTo(1);
                assertThat(log.lines())
                        .singleElement()
                        .asString()
                        .startsWith("WARN Rejecting a malformed message from test on "
                                + "/topic/mcollective.discovery.agent")
                        .contains("'1.0\\n" + HostilePayloads.FORGED_LINE + "'")
                        .doesNotContain("\n", "\r");
            }
        }

        @Test
        void shouldEscapeWireValuesInTheLog() {
            Request forged = new Request(
                    RequestId.next(),
                    "evil\nE, forged",
                    "uid=0/\u001b[2J",
                    "discovery",
                    "mcollective",
                    Filter.empty(),
                    60,
                    Clock.systemUTC().instant().getEpochSecond(),
                    "ping");
            try (LogCapture log = LogCapture.of(RequestProcessor.class)) {
                connector.deliver(security.encodeRequest(forged), "t", "/queue/r");

                assertThat(log.lines())
                        .singleElement()
                        .asString()
                        .endsWith("from evil\\nE, forged: callerid 'uid=0/\\e[2J' is not valid");
            }
        }

        @Test
        void shouldCountARequestForAnAgentItDoesNotRun() {
            connector.deliver(security.encodeRequest(request("nosuch", "x", Filter.empty())), "t", "/queue/r");

            assertThat(node.stats().get("dropped")).isEqualTo(1);
        }
    }

    @Nested
    class Verdicts {
        @Test
        void shouldGiveEveryMessageExactlyOneVerdictAndReportThemInDaemonStats() {
            long now = Clock.systemUTC().instant().getEpochSecond();
            Request expired = new Request(
                    RequestId.next(),
                    "tester",
                    "uid=0",
                    "discovery",
                    "mcollective",
                    Filter.empty(),
                    60,
                    now - 3600,
                    "ping");
            connector.deliver(new byte[RequestProcessor.MAX_PAYLOAD + 1], "t", "/queue/r");
            connector.deliver("\u0004\bnot marshal".getBytes(StandardCharsets.ISO_8859_1), "t", "/queue/r");
            connector.deliver(security.encodeRequest(expired), "t", "/queue/r");
            connector.deliver(
                    security.encodeRequest(request(
                            "discovery",
                            "ping",
                            Filter.builder().addFact("platform=windows").build())),
                    "t",
                    "/queue/r");
            connector.deliver(security.encodeRequest(request("nosuch", "x", Filter.empty())), "t", "/queue/r");

            connector.deliver(
                    security.encodeRequest(request("rpcutil", rpcutil("daemon_stats"), Filter.empty())),
                    "t",
                    "/queue/r");

            @SuppressWarnings("unchecked")
            Map<Object, Object> data =
                    (Map<Object, Object>) ((Map<?, ?>) awaitReply().body()).get(RubySymbol.of("data"));
            assertThat(data)
                    .containsEntry(RubySymbol.of("oversized"), 1L)
                    .containsEntry(RubySymbol.of("malformed"), 1L)
                    .containsEntry(RubySymbol.of("ttlexpired"), 1L)
                    .containsEntry(RubySymbol.of("filtered"), 1L)
                    .containsEntry(RubySymbol.of("dropped"), 1L)
                    .containsEntry(RubySymbol.of("passed"), 2L)
                    .containsEntry(RubySymbol.of("total"), 6L)
                    .containsKeys(RubySymbol.of("errors"), RubySymbol.of("timeouts"), RubySymbol.of("crashed"));
            long verdicts =
                    RunnerStats.VERDICTS.stream().mapToLong(node.stats()::get).sum();
            assertThat(verdicts).isEqualTo(node.stats().get("total"));
        }
    }

    /** A SimpleRPC body for an rpcutil action that wants its results. */
    static Map<Object, Object> rpcutil(String action) {
        Map<Object, Object> body = new LinkedHashMap<>();
        body.put(RubySymbol.of("agent"), "rpcutil");
        body.put(RubySymbol.of("action"), action);
        body.put(RubySymbol.of("caller"), "uid=0");
        body.put(RubySymbol.of("data"), Map.of(RubySymbol.of("process_results"), true));
        return body;
    }

    Request request(String agent, Object body, Filter filter) {
        return new Request(
                RequestId.next(),
                "tester",
                "uid=0",
                agent,
                "mcollective",
                filter,
                60,
                Clock.systemUTC().instant().getEpochSecond(),
                body);
    }

    Reply awaitReply() {
        await().atMost(Duration.ofSeconds(5)).until(() -> !connector.replies().isEmpty());
        return security.decodeReply(
                connector.replies().get(connector.replies().size() - 1).payload());
    }
}
