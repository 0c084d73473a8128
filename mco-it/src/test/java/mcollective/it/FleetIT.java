package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import mcollective.testkit.McoResult;
import mcollective.testkit.fleet.Fleet;

/** Three Java nodes on the embedded broker, driven by the Java {@code mco}: ping and find with every filter type. */
@ThreeJavaNodes
class FleetIT {
    Fleet fleet;

    @Nested
    class Ping {
        @Test
        void shouldListEveryNodeWithItsTimeThenTheStatistics() {
            McoResult run = fleet.mco("ping", "-t", "2");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.lines())
                    .filteredOn(l -> l.contains("time="))
                    .extracting(l -> l.substring(0, 40).strip())
                    .containsExactlyInAnyOrder("node1.example.net", "node2.example.net", "node3.example.net");
            assertThat(run.lines()).allMatch(l -> !l.contains("time=") || l.matches("\\S+\\s+time=\\d+\\.\\d\\d ms"));
            assertThat(run.out())
                    .contains("\n\n---- ping statistics ----\n")
                    .containsPattern("3 replies max: \\d+\\.\\d\\d min: \\d+\\.\\d\\d avg: \\d+\\.\\d\\d \n");
        }

        @Test
        void shouldStopAsSoonAsTheExpectedRepliesCame() {
            long start = System.nanoTime();
            McoResult run = fleet.mco("ping", "-t", "20", "--expect", "3");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("3 replies");
            assertThat((System.nanoTime() - start) / 1e9).as("seconds").isLessThan(15);
        }

        @Test
        void shouldOnlyHearNodesPassingTheFilter() {
            McoResult run = fleet.mco("ping", "-t", "2", "-F", "chef_environment=dev");

            assertThat(run.out())
                    .contains("node2.example.net", "node3.example.net")
                    .doesNotContain("node1");
        }

        @Test
        void shouldExitFourWhenNobodyAnswers() {
            McoResult run = fleet.mco("ping", "-t", "1", "-F", "platform=windows");

            assertThat(run.exitCode()).isEqualTo(4);
            assertThat(run.out()).isEqualTo("\n\n---- ping statistics ----\nNo responses received\n");
        }
    }

    @Nested
    class Find {
        @Test
        void shouldListEveryNode() {
            assertThat(find()).containsExactlyInAnyOrder("node1.example.net", "node2.example.net", "node3.example.net");
        }

        @Test
        void shouldFilterOnFacts() {
            assertThat(find("-F", "platform=centos"))
                    .containsExactlyInAnyOrder("node1.example.net", "node3.example.net");
            assertThat(find("-F", "platform=/ubu/")).containsExactly("node2.example.net");
            assertThat(find("-W", "platform=centos role.database", "-F", "chef_environment!=prod"))
                    .containsExactly("node3.example.net");
        }

        @Test
        void shouldFilterOnClasses() {
            assertThat(find("-C", "role.web")).containsExactly("node2.example.net");
            assertThat(find("-C", "/database/")).containsExactlyInAnyOrder("node1.example.net", "node3.example.net");
        }

        @Test
        void shouldFilterOnIdentityRegexes() {
            assertThat(find("-I", "/node[12]/")).containsExactlyInAnyOrder("node1.example.net", "node2.example.net");
        }

        @Test
        void shouldFilterOnAgents() {
            assertThat(find("-A", "rpcutil")).hasSize(3);
            McoResult none = fleet.mco("find", "--dt", "1", "-A", "no_such_agent");
            assertThat(none.out()).isEmpty();
            assertThat(none.exitCode()).isEqualTo(1);
        }

        @Test
        void shouldUsePlainIdentitiesWithoutDiscovery() {
            long before = totalMessages();
            assertThat(find("-I", "node2.example.net", "-I", "nosuch.example.net"))
                    .containsExactly("node2.example.net", "nosuch.example.net");
            assertThat(totalMessages())
                    .as("no discovery request reached any node")
                    .isEqualTo(before);
        }

        private long totalMessages() {
            return fleet.identities().stream()
                    .mapToLong(n -> fleet.node(n).stat("total"))
                    .sum();
        }

        @Test
        void shouldOnlySeeTheSubcollectiveWithTarget() {
            assertThat(find("-T", "eu_collective")).containsExactly("node3.example.net");
        }

        @Test
        void shouldRefuseAnUnknownCollective() {
            McoResult run = fleet.mco("find", "-T", "nosuch");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err())
                    .contains("Unknown collective 'nosuch' known collectives are " + "'mcollective, eu_collective'");
        }

        @Test
        void shouldPrintTheDiscoveryLinesOnStderrWhenVerbose() {
            McoResult run = fleet.mco("find", "--dt", "1", "-v");

            assertThat(run.lines()).hasSize(3);
            assertThat(run.err())
                    .startsWith("Discovering hosts using the mc method for 1 second(s) .... 3\n")
                    .containsPattern("\nDiscovered 3 nodes in \\d+\\.\\d\\d seconds using the mc discovery plugin\n");
        }

        private List<String> find(String... filter) {
            McoResult run = fleet.mco(List.of("find", "--dt", "1"), filter);
            assertThat(run.err()).isEmpty();
            return run.lines();
        }
    }
}
