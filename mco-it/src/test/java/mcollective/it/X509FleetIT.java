package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import mcollective.testkit.McoResult;
import mcollective.testkit.TestCa;
import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.FleetNode;
import mcollective.testkit.fleet.WithFleet;
import mcollective.testkit.fleet.X509FleetSecurity;

/**
 * Java nodes and the Java {@code mco} on {@code securityprovider = x509} over the embedded broker: each with its own
 * certificate from the fleet's CA; a client whose certificate comes from another CA hears nothing.
 */
@WithFleet(
        nodes = {
            @FleetNode(value = "node1.example.net", facts = "platform=centos"),
            @FleetNode(value = "node2.example.net", facts = "platform=debian")
        },
        security = X509FleetSecurity.class)
class X509FleetIT {
    Fleet fleet;

    @Test
    void shouldPingEveryNode() {
        McoResult run = fleet.mco("ping", "-t", "5", "--expect", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("node1.example.net", "node2.example.net", "2 replies");
    }

    @Test
    void shouldRunAnRpcActionOnTheNodesTheFilterSelects() {
        McoResult run = fleet.mco("rpc", "rpcutil", "get_fact", "fact=platform", "-F", "platform=centos");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("node1.example.net", "centos", "Finished processing 1 / 1 hosts")
                .doesNotContain("node2");
    }

    @Test
    void shouldGiveAClientFromAnotherCaNoReplies() {
        TestCa other = TestCa.create(fleet.dir().resolve("other-ca"), "other-ca");
        TestCa.Leaf stranger = other.issue(X509FleetSecurity.CLIENT);
        Path config = fleet.clientConfig(
                "stranger.cfg",
                "plugin.x509.ca = " + other.caPem(),
                "plugin.x509.crl = " + other.crlPem(),
                "plugin.x509.certificate = " + stranger.certPem(),
                "plugin.x509.key = " + stranger.keyPem());

        McoResult run = fleet.mco(config, "ping", "-t", "2");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).isEqualTo("\n\n---- ping statistics ----\nNo responses received\n");
    }
}
