package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import mcollective.protocol.Reply;
import mcollective.protocol.Request;
import mcollective.protocol.RequestId;
import mcollective.spi.SecurityProvider;
import mcollective.testdata.Reference;
import mcollective.testkit.McoResult;
import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.WithFleet;

/**
 * One collective of Java and real Ruby (Debian's MCollective 2.12.5) nodes on the embedded broker, driven by both
 * the Ruby and the Java {@code mco}: every client sees every node, and filters and subcollectives mean the same.
 */
@WithFleet(
        collectives = {"mcollective", "eu_collective"},
        plan = ReferenceNodes.Mixed.class)
class MixedFleetCompatIT {
    static final List<String> ALL =
            List.of("node1.example.net", "node2.example.net", "node3.example.net", "node4.example.net");

    static Fleet fleet;

    @Nested
    class RubyClient {
        @Test
        void shouldPingJavaAndRubyNodes() {
            McoResult run = fleet.rubyMco("ping", "-t", "2");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(identities(run.lines())).containsExactlyInAnyOrderElementsOf(ALL);
            assertThat(run.out()).contains("4 replies max:");
        }

        @Test
        void shouldFindJavaNodesByFact() {
            McoResult run = fleet.rubyMco("find", "--dt", "1", "-F", "platform=centos");

            assertThat(run.lines())
                    .containsExactlyInAnyOrder("node1.example.net", "node3.example.net", "node4.example.net");
        }

        @Test
        void shouldFindBySubcollectiveAndClass() {
            assertThat(fleet.rubyMco("find", "--dt", "1", "-T", "eu_collective").lines())
                    .containsExactlyInAnyOrder("node3.example.net", "node4.example.net");
            assertThat(fleet.rubyMco("find", "--dt", "1", "-C", "role.database", "-F", "chef_environment=dev")
                            .lines())
                    .containsExactly("node3.example.net");
        }

        @Test
        void shouldCallRpcutilPingOnAJavaNodeDirectly() {
            McoResult run = fleet.rubyMco("rpc", "rpcutil", "ping", "-I", "node1.example.net");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out())
                    .contains("node1.example.net")
                    .containsPattern("Timestamp: \\d{10}")
                    .contains("Finished processing 1 / 1 hosts");
        }

        @Test
        void shouldPrintAJavaNodesOwnCountersBesideRubysInDaemonStats() {
            McoResult run = fleet.rubyMco("rpc", "rpcutil", "daemon_stats", "-I", "node1.example.net");

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
            McoResult run = fleet.mco("ping", "-t", "2");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(identities(run.lines())).containsExactlyInAnyOrderElementsOf(ALL);
        }

        @Test
        void shouldFindRubyNodesByFactClassAndIdentity() {
            assertThat(fleet.mco("find", "--dt", "1", "-F", "platform=centos").lines())
                    .containsExactlyInAnyOrder("node1.example.net", "node3.example.net", "node4.example.net");
            assertThat(fleet.mco("find", "--dt", "1", "-C", "role.web").lines()).containsExactly("node2.example.net");
            assertThat(fleet.mco("find", "--dt", "1", "-I", "/node[24]/").lines())
                    .containsExactlyInAnyOrder("node2.example.net", "node4.example.net");
        }

        @Test
        void shouldFindBySubcollective() {
            assertThat(fleet.mco("find", "--dt", "1", "-T", "eu_collective").lines())
                    .containsExactlyInAnyOrder("node3.example.net", "node4.example.net");
        }
    }

    @Nested
    class GoldenFrames {
        @Test
        void shouldHaveARubyNodeAcceptReEncodedRubyRequests() throws Exception {
            Path frames = Reference.path("frames");
            SecurityProvider psk = InProcessRuntime.psk(fleet, "golden", fleet.psk());
            try (ReplyCatcher raw = ReplyCatcher.on(fleet, "/queue/mcollective.reply.golden_1.1")) {
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
                    raw.clear();
                    raw.send(
                            "/queue/mcollective.nodes",
                            Map.of(
                                    "reply-to",
                                    "/queue/mcollective.reply.golden_1.1",
                                    "mc_identity",
                                    "node2.example.net"),
                            psk.encodeRequest(again));
                    await().atMost(Duration.ofSeconds(20))
                            .until(() -> !raw.replies().isEmpty());
                    Reply reply = psk.decodeReply(raw.replies().get(0).body());
                    assertThat(reply.senderId()).isEqualTo("node2.example.net");
                    assertThat(reply.requestId()).isEqualTo(again.requestId());
                }
            }
        }
    }

    /** {@code mco ping} from the Java and from the Ruby client both list exactly {@code nodes}. */
    static void assertBothClientsPing(Fleet fleet, List<String> nodes) {
        McoResult java = fleet.mco("ping", "-t", "3");
        McoResult ruby = fleet.rubyMco("ping", "-t", "3");

        assertThat(identities(java.lines())).as(java.out() + java.err()).containsExactlyInAnyOrderElementsOf(nodes);
        assertThat(identities(ruby.lines())).as(ruby.out() + ruby.err()).containsExactlyInAnyOrderElementsOf(nodes);
    }

    static List<String> identities(List<String> pingLines) {
        return pingLines.stream()
                .filter(l -> l.contains("time="))
                .map(l -> l.substring(0, 40).strip())
                .toList();
    }
}
