package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import mcollective.testkit.McoResult;
import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.SslFleetSecurity;
import mcollective.testkit.fleet.WithFleet;

/**
 * {@code securityprovider = ssl} with {@code plugin.ssl_serializer = yaml} on every node and client of a mixed
 * fleet: the signed requests and replies are YAML documents, which Java and Ruby alike must write and read.
 */
@WithFleet(
        collectives = {"mcollective", "eu_collective"},
        plan = ReferenceNodes.Mixed.class,
        security = SslFleetSecurity.Yaml.class)
class SslYamlSecurityCompatIT {
    static Fleet fleet;

    @Test
    void shouldPingEveryNodeFromBothClients() {
        McoResult java = fleet.mco("ping", "-t", "3");
        McoResult ruby = fleet.rubyMco("ping", "-t", "3");

        assertThat(MixedFleetCompatIT.identities(java.lines()))
                .as(java.out() + java.err())
                .containsExactlyInAnyOrderElementsOf(SslSecurityCompatIT.ALL);
        assertThat(MixedFleetCompatIT.identities(ruby.lines()))
                .as(ruby.out() + ruby.err())
                .containsExactlyInAnyOrderElementsOf(SslSecurityCompatIT.ALL);
    }
}
