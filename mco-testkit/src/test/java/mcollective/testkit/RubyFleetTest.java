package mcollective.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.FleetNode;
import mcollective.testkit.fleet.NodeKind;
import mcollective.testkit.fleet.WithFleet;

/**
 * Three real Ruby nodes on the embedded broker, driven by the real Ruby {@code mco}: proof that the test kit, the
 * Ruby 3.1 shim and the broker's STOMP set-up carry a Ruby fleet unchanged.
 */
@WithFleet(
        psk = "fleet-test-psk",
        nodes = {
            @FleetNode(
                    value = "node1",
                    kind = NodeKind.RUBY,
                    facts = {"platform=centos", "chef_environment=prod"},
                    classes = "role::web"),
            @FleetNode(
                    value = "node2",
                    kind = NodeKind.RUBY,
                    facts = {"platform=ubuntu", "chef_environment=dev"},
                    classes = "role::db"),
            @FleetNode(
                    value = "node3",
                    kind = NodeKind.RUBY,
                    facts = {"platform=centos", "chef_environment=dev"},
                    classes = {"role::web", "base"},
                    settings = "plugin.activemq.heartbeat_interval = 30")
        })
class RubyFleetTest {
    static Fleet fleet;

    @BeforeAll
    static void startedAtOnce() {
        fleet.identities()
                .forEach(node -> System.out.printf(
                        "Ruby node %s ready after %d ms%n",
                        node, fleet.rubyNode(node).startup().toMillis()));
    }

    private McoResult mco(String... args) {
        McoResult result = fleet.rubyMco(args);
        assertThat(result.exitCode())
                .as("mco %s: %s %s", String.join(" ", args), result.out(), result.err())
                .isZero();
        return result;
    }

    private static List<String> identities(McoResult result) {
        return result.lines().stream()
                .map(String::strip)
                .filter(line -> line.matches("node\\d.*"))
                .map(line -> line.split("\\s+")[0])
                .sorted()
                .toList();
    }

    @Nested
    class Ping {
        @Test
        void shouldGetAReplyFromEveryRubyNode() {
            McoResult ping = mco("ping", "-t", "2");

            assertThat(identities(ping)).containsExactly("node1", "node2", "node3");
            assertThat(ping.out()).contains("3 replies");
        }
    }

    @Nested
    class Find {
        @Test
        void shouldFindTheNodesWhoseYamlFactMatches() {
            assertThat(mco("find", "--dt", "1", "-F", "platform=centos").lines())
                    .containsExactlyInAnyOrder("node1", "node3");
        }

        @Test
        void shouldFindByChefEnvironmentFact() {
            assertThat(mco("find", "--dt", "1", "-F", "chef_environment=dev").lines())
                    .containsExactlyInAnyOrder("node2", "node3");
        }

        @Test
        void shouldFindByClassAndByIdentity() {
            assertThat(mco("find", "--dt", "1", "-C", "role::web").lines()).containsExactlyInAnyOrder("node1", "node3");
            assertThat(mco("find", "--dt", "1", "-I", "node2").lines()).containsExactly("node2");
        }
    }

    @Nested
    class DirectedRequests {
        @Test
        void shouldReachOnlyTheNamedNodeThroughItsSelectorSubscription() {
            McoResult rpc = mco("rpc", "rpcutil", "get_fact", "fact=platform", "-I", "node2", "--dt", "1");

            assertThat(rpc.out()).contains("node2").contains("ubuntu").doesNotContain("node1", "node3");
        }
    }

    @Nested
    class Stomp11 {
        @Test
        void shouldConnectWithHeartBeatsWhenTheNodeAsksForThem() {
            assertThat(fleet.rubyNode("node3").log())
                    .doesNotContain("Connecting without STOMP 1.1 heartbeats")
                    .contains("Connected to stomp://" + Fleet.USER + "@127.0.0.1:" + fleet.port());
            assertThat(fleet.rubyNode("node1").log()).contains("Connecting without STOMP 1.1 heartbeats");
        }
    }
}
