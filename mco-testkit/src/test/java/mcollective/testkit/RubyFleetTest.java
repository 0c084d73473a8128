package mcollective.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import mcollective.broker.EmbeddedBroker;

/**
 * Three real Ruby nodes on the embedded broker, driven by the real Ruby {@code mco}: proof that the test kit, the
 * Ruby 3.1 shim and the broker's STOMP set-up carry a Ruby fleet unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RubyFleetTest {
    private static final String PSK = "fleet-test-psk";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private EmbeddedBroker broker;
    private FleetDir fleet;
    private final List<RubyNode> nodes = new ArrayList<>();

    @BeforeAll
    void startFleet() {
        RubyEnvironment.require();
        broker = EmbeddedBroker.builder()
                .host("127.0.0.1")
                .port(0)
                .user("fleet")
                .password("fleet-pass")
                .build();
        broker.start();
        fleet = FleetDir.temporary();
        BrokerAddress address = BrokerAddress.local(broker.port(), "fleet", "fleet-pass");
        List<CompletableFuture<RubyNode>> starting = List.of(
                CompletableFuture.supplyAsync(() -> RubyNode.start(
                        fleet,
                        address,
                        "node1",
                        Map.of("platform", "centos", "chef_environment", "prod"),
                        List.of("role::web"),
                        List.of("mcollective"),
                        PSK,
                        List.of())),
                CompletableFuture.supplyAsync(() -> RubyNode.start(
                        fleet,
                        address,
                        "node2",
                        Map.of("platform", "ubuntu", "chef_environment", "dev"),
                        List.of("role::db"),
                        List.of("mcollective"),
                        PSK,
                        List.of())),
                CompletableFuture.supplyAsync(() -> RubyNode.start(
                        fleet,
                        address,
                        "node3",
                        Map.of("platform", "centos", "chef_environment", "dev"),
                        List.of("role::web", "base"),
                        List.of("mcollective"),
                        PSK,
                        List.of("plugin.activemq.heartbeat_interval = 30"))));
        for (CompletableFuture<RubyNode> node : starting) {
            nodes.add(node.join());
        }
        nodes.forEach(node -> System.out.printf(
                "Ruby node %s ready after %d ms%n",
                node.identity(), node.startup().toMillis()));
        fleet.writeClient(ClientCfg.builder(address).psk(PSK).build());
    }

    @AfterAll
    void stopFleet() {
        nodes.forEach(RubyNode::stop);
        if (broker != null) {
            broker.stop();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    private RubyMco.Result mco(String... args) {
        RubyMco.Result result = RubyMco.run(fleet, LIMIT, args);
        assertThat(result.exitCode())
                .as("mco %s: %s %s", String.join(" ", args), result.out(), result.err())
                .isZero();
        return result;
    }

    private static List<String> identities(RubyMco.Result result) {
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
            RubyMco.Result ping = mco("ping", "-t", "2");

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
            RubyMco.Result rpc = mco("rpc", "rpcutil", "get_fact", "fact=platform", "-I", "node2", "--dt", "1");

            assertThat(rpc.out()).contains("node2").contains("ubuntu").doesNotContain("node1", "node3");
        }
    }

    @Nested
    class Stomp11 {
        @Test
        void shouldConnectWithHeartBeatsWhenTheNodeAsksForThem() {
            RubyNode node3 = nodes.get(2);

            assertThat(node3.log())
                    .doesNotContain("Connecting without STOMP 1.1 heartbeats")
                    .contains("Connected to stomp://fleet@127.0.0.1:" + broker.port());
            assertThat(nodes.get(0).log()).contains("Connecting without STOMP 1.1 heartbeats");
        }
    }
}
