package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import mcollective.config.Config;
import mcollective.plugin.PluginRegistry;
import mcollective.plugins.connector.stomp.StompClient;
import mcollective.plugins.connector.stomp.StompClientOptions;
import mcollective.plugins.connector.stomp.StompFrame;
import mcollective.plugins.connector.stomp.StompHost;
import mcollective.protocol.Reply;
import mcollective.protocol.Request;
import mcollective.protocol.RequestId;
import mcollective.spi.PluginContext;
import mcollective.spi.SecurityProvider;
import mcollective.testkit.FleetConfig;
import mcollective.testkit.RubyEnvironment;
import mcollective.testkit.RubyMco;
import mcollective.testkit.RubyNode;

/**
 * One collective of Java and real Ruby (Debian's MCollective 2.12.5) nodes on the embedded broker, driven by both
 * the Ruby and the Java {@code mco}: every client sees every node, and filters and subcollectives mean the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MixedFleetCompatIT {
    static final List<String> ALL =
            List.of("node1.example.net", "node2.example.net", "node3.example.net", "node4.example.net");
    static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    JavaFleet fleet;
    RubyNode node2;
    RubyNode node4;
    Path rubyClient;
    String javaClient;

    @BeforeAll
    void startFleet() {
        RubyEnvironment.require();
        fleet = new JavaFleet(dir);
        fleet.startNode(
                "node1.example.net",
                Map.of("platform", "centos", "chef_environment", "prod"),
                List.of("role.base", "role.database"),
                List.of("mcollective"));
        fleet.startNode(
                "node3.example.net",
                Map.of("platform", "centos", "chef_environment", "dev"),
                List.of("role.base", "role.database"),
                List.of("mcollective", "eu_collective"));
        FleetConfig config = new FleetConfig(
                fleet.port(),
                JavaFleet.USER,
                JavaFleet.PASSWORD,
                JavaFleet.PSK,
                List.of("mcollective", "eu_collective"));
        node2 = RubyNode.start(
                config,
                dir.resolve("node2"),
                "node2.example.net",
                Map.of("platform", "ubuntu", "chef_environment", "dev"),
                List.of("role.base", "role.web"),
                List.of("mcollective"));
        node4 = RubyNode.start(
                config,
                dir.resolve("node4"),
                "node4.example.net",
                Map.of("platform", "centos", "chef_environment", "prod"),
                List.of("role.base", "role.database"),
                List.of("mcollective", "eu_collective"));
        rubyClient = config.writeClient(dir.resolve("ruby-client/client.cfg"), List.of());
        javaClient = fleet.clientConfig("java-client.cfg").toString();
    }

    @AfterAll
    void stopFleet() {
        if (node2 != null) {
            node2.close();
        }
        if (node4 != null) {
            node4.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    @Nested
    class RubyClient {
        @Test
        void shouldPingJavaAndRubyNodes() {
            RubyMco.Result run = RubyMco.run(rubyClient, LIMIT, "ping", "-t", "2");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(identities(run.lines())).containsExactlyInAnyOrderElementsOf(ALL);
            assertThat(run.out()).contains("4 replies max:");
        }

        @Test
        void shouldFindJavaNodesByFact() {
            RubyMco.Result run = RubyMco.run(rubyClient, LIMIT, "find", "--dt", "1", "-F", "platform=centos");

            assertThat(run.lines())
                    .containsExactlyInAnyOrder("node1.example.net", "node3.example.net", "node4.example.net");
        }

        @Test
        void shouldFindBySubcollectiveAndClass() {
            assertThat(RubyMco.run(rubyClient, LIMIT, "find", "--dt", "1", "-T", "eu_collective")
                            .lines())
                    .containsExactlyInAnyOrder("node3.example.net", "node4.example.net");
            assertThat(RubyMco.run(
                                    rubyClient,
                                    LIMIT,
                                    "find",
                                    "--dt",
                                    "1",
                                    "-C",
                                    "role.database",
                                    "-F",
                                    "chef_environment=dev")
                            .lines())
                    .containsExactly("node3.example.net");
        }

        @Test
        void shouldCallRpcutilPingOnAJavaNodeDirectly() {
            RubyMco.Result run = RubyMco.run(rubyClient, LIMIT, "rpc", "rpcutil", "ping", "-I", "node1.example.net");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out())
                    .contains("node1.example.net")
                    .containsPattern("Timestamp: \\d{10}")
                    .contains("Finished processing 1 / 1 hosts");
        }

        @Test
        void shouldPrintAJavaNodesOwnCountersBesideRubysInDaemonStats() {
            RubyMco.Result run =
                    RubyMco.run(rubyClient, LIMIT, "rpc", "rpcutil", "daemon_stats", "-I", "node1.example.net");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out())
                    .containsPattern("Total Messages: \\d+")
                    .containsPattern("Security Validated: \\d+")
                    .containsPattern("malformed: 0")
                    .containsPattern("crashed: 0")
                    .contains("Finished processing 1 / 1 hosts");
        }
    }

    @Nested
    class JavaClient {
        @Test
        void shouldPingJavaAndRubyNodes() {
            McoRun run = McoRun.run("ping", "-c", javaClient, "-t", "2");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(identities(run.lines())).containsExactlyInAnyOrderElementsOf(ALL);
        }

        @Test
        void shouldFindRubyNodesByFactClassAndIdentity() {
            assertThat(McoRun.run("find", "-c", javaClient, "--dt", "1", "-F", "platform=centos")
                            .lines())
                    .containsExactlyInAnyOrder("node1.example.net", "node3.example.net", "node4.example.net");
            assertThat(McoRun.run("find", "-c", javaClient, "--dt", "1", "-C", "role.web")
                            .lines())
                    .containsExactly("node2.example.net");
            assertThat(McoRun.run("find", "-c", javaClient, "--dt", "1", "-I", "/node[24]/")
                            .lines())
                    .containsExactlyInAnyOrder("node2.example.net", "node4.example.net");
        }

        @Test
        void shouldFindBySubcollective() {
            assertThat(McoRun.run("find", "-c", javaClient, "--dt", "1", "-T", "eu_collective")
                            .lines())
                    .containsExactlyInAnyOrder("node3.example.net", "node4.example.net");
        }
    }

    @Nested
    class GoldenFrames {
        @Test
        void shouldHaveARubyNodeAcceptReEncodedRubyRequests() throws Exception {
            Path frames = mcollective.testdata.Reference.path("frames");
            SecurityProvider psk = security();
            List<StompFrame> replies = new CopyOnWriteArrayList<>();
            try (var raw = new StompClient(StompClientOptions.builder()
                    .host(StompHost.plain("127.0.0.1", fleet.port(), JavaFleet.USER, JavaFleet.PASSWORD))
                    .onMessage(replies::add)
                    .build())) {
                raw.connect();
                raw.subscribe("/queue/mcollective.reply.golden_1.1", Map.of());
                for (String name : List.of("psk-request-discovery-ping.bin", "psk-request-rpcutil-ping.bin")) {
                    Request ruby = psk.decodeRequest(Files.readAllBytes(frames.resolve(name)));
                    // Ruby's own request, as decoded, re-encoded now (fresh id and time, so the TTL holds).
                    Request again = new Request(
                            RequestId.next(),
                            ruby.senderId(),
                            ruby.callerId(),
                            ruby.agent(),
                            ruby.collective(),
                            ruby.filter(),
                            ruby.ttl(),
                            Instant.now().getEpochSecond(),
                            ruby.body());
                    replies.clear();
                    raw.send(
                            "/queue/mcollective.nodes",
                            Map.of(
                                    "reply-to",
                                    "/queue/mcollective.reply.golden_1.1",
                                    "mc_identity",
                                    "node2.example.net"),
                            psk.encodeRequest(again));
                    await().atMost(Duration.ofSeconds(20)).until(() -> !replies.isEmpty());
                    Reply reply = psk.decodeReply(replies.get(0).body());
                    assertThat(reply.senderId()).isEqualTo("node2.example.net");
                    assertThat(reply.requestId()).isEqualTo(again.requestId());
                }
            }
        }

        private SecurityProvider security() {
            Config config = fleet.baseConfig(List.of("mcollective"))
                    .set("identity", "golden")
                    .build();
            PluginRegistry registry = PluginRegistry.discover();
            SecurityProvider provider = registry.create(
                    SecurityProvider.class,
                    "psk",
                    new PluginContext(config, "psk", registry, Clock.systemUTC(), Map.of(), Map.of()));
            return provider;
        }
    }

    static List<String> identities(List<String> pingLines) {
        return pingLines.stream()
                .filter(l -> l.contains("time="))
                .map(l -> l.substring(0, 40).strip())
                .toList();
    }
}
