package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import mcollective.testkit.fleet.AesFleetSecurity;
import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.WithFleet;

/**
 * {@code plugin.aes.learn_pubkeys} across a mixed fleet: no node has the client's certificate until the client's first
 * request brings it in {@code :sslpubkey}; Java and Ruby nodes alike check it against {@code plugin.aes.ca_cert},
 * store it as {@code mcoadmin.pem} and answer.
 */
@WithFleet(
        collectives = {"mcollective", "eu_collective"},
        plan = ReferenceNodes.Mixed.class,
        security = AesFleetSecurity.Learning.class)
class AesKeyLearningCompatIT {
    static Fleet fleet;

    @Test
    void everyNodeLearnsTheClientCertificateFromItsFirstRequestAndAnswers() {
        for (String node : AesSecurityCompatIT.ALL) {
            assertThat(learnt(node)).as(node + " before any request").doesNotExist();
        }

        MixedFleetCompatIT.assertBothClientsPing(fleet, AesSecurityCompatIT.ALL);
        for (String node : AesSecurityCompatIT.ALL) {
            assertThat(learnt(node))
                    .as(node)
                    .hasSameTextualContentAs(AesFleetSecurity.keys(fleet.dir()).resolve("aes/clients/mcoadmin.pem"));
        }
    }

    Path learnt(String node) {
        return AesFleetSecurity.Learning.learntDir(fleet.dir(), node).resolve("mcoadmin.pem");
    }
}
