package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import mcollective.testkit.McoResult;
import mcollective.testkit.fleet.AesFleetSecurity;
import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.WithFleet;

/**
 * {@code securityprovider = aes_security} with {@code plugin.aes.serializer = yaml} on every node and client of a
 * mixed fleet: the envelopes and the encrypted plaintexts are YAML documents, which Java and Ruby alike must write
 * and read.
 */
@WithFleet(
        collectives = {"mcollective", "eu_collective"},
        plan = ReferenceNodes.Mixed.class,
        security = AesFleetSecurity.Yaml.class)
class AesYamlSecurityCompatIT {
    static Fleet fleet;

    @Test
    void shouldPingEveryNodeFromBothClients() {
        MixedFleetCompatIT.assertBothClientsPing(fleet, AesSecurityCompatIT.ALL);
    }

    @Test
    void shouldCarryRpcRepliesFromBothKindsOfNode() {
        McoResult run = fleet.mco("facts", "--dt", "2", "platform");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("centos\\s+found 3 times").containsPattern("ubuntu\\s+found 1 times");
    }
}
