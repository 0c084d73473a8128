package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import mcollective.testkit.McoResult;
import mcollective.testkit.fleet.AesFleetSecurity;
import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.WithFleet;

/**
 * {@code securityprovider = aes_security} across a mixed fleet: Java nodes node1 and node3, Ruby (Debian's
 * MCollective 2.12.5) nodes node2 and node4, and both {@code mco}s, all with the keys of reference/keys. Requests are
 * encrypted with the client's private key and opened with its certificate; replies are encrypted to the client's
 * certificate, so every reply a client prints was sealed for it by a Java or a Ruby node.
 */
@WithFleet(
        collectives = {"mcollective", "eu_collective"},
        plan = ReferenceNodes.Mixed.class,
        security = AesFleetSecurity.class)
class AesSecurityCompatIT {
    static final List<String> ALL =
            List.of("node1.example.net", "node2.example.net", "node3.example.net", "node4.example.net");

    static Fleet fleet;

    @Nested
    class RubyClient {
        @Test
        void shouldPingJavaAndRubyNodes() {
            McoResult run = fleet.rubyMco("ping", "-t", "3");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(MixedFleetCompatIT.identities(run.lines())).containsExactlyInAnyOrderElementsOf(ALL);
        }

        @Test
        void shouldFindJavaAndRubyNodesByFact() {
            McoResult run = fleet.rubyMco("find", "--dt", "2", "-F", "platform=centos");

            assertThat(run.lines())
                    .as(run.err())
                    .containsExactlyInAnyOrder("node1.example.net", "node3.example.net", "node4.example.net");
        }

        @Test
        void shouldCallRpcutilPingOnAJavaNode() {
            McoResult run = fleet.rubyMco("rpc", "--dt", "2", "rpcutil", "ping", "-I", "node1.example.net");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).containsPattern("Timestamp: \\d{10}").contains("Finished processing 1 / 1 hosts");
        }

        @Test
        void shouldSummariseFactsOfEveryNode() {
            McoResult run = fleet.rubyMco("facts", "--dt", "2", "platform");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).containsPattern("centos\\s+found 3 times").containsPattern("ubuntu\\s+found 1 times");
        }

        @Test
        void shouldShowTheInventoryOfAJavaNode() {
            McoResult run = fleet.rubyMco("inventory", "--dt", "2", "node3.example.net");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("Inventory for node3.example.net").contains("role.database");
        }
    }

    @Nested
    class JavaClient {
        @Test
        void shouldPingJavaAndRubyNodes() {
            McoResult run = fleet.mco("ping", "-t", "3");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(MixedFleetCompatIT.identities(run.lines())).containsExactlyInAnyOrderElementsOf(ALL);
        }

        @Test
        void shouldFindRubyAndJavaNodesByFactAndClass() {
            assertThat(fleet.mco("find", "--dt", "2", "-F", "platform=centos").lines())
                    .containsExactlyInAnyOrder("node1.example.net", "node3.example.net", "node4.example.net");
            assertThat(fleet.mco("find", "--dt", "2", "-C", "role.web").lines()).containsExactly("node2.example.net");
        }

        @Test
        void shouldCallRpcutilPingOnARubyNode() {
            McoResult run = fleet.mco("rpc", "--dt", "2", "rpcutil", "ping", "-I", "node2.example.net");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).containsPattern("Timestamp: \\d{10}").contains("Finished processing 1 / 1 hosts");
        }

        @Test
        void shouldSummariseFactsLikeTheRubyClient() {
            McoResult run = fleet.mco("facts", "--dt", "2", "platform");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).containsPattern("centos\\s+found 3 times").containsPattern("ubuntu\\s+found 1 times");
        }

        @Test
        void shouldShowTheInventoryOfARubyNode() {
            McoResult run = fleet.mco("inventory", "--dt", "2", "node4.example.net");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("Inventory for node4.example.net").contains("role.database");
        }
    }
}
