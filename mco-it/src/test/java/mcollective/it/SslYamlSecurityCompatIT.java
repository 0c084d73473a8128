package mcollective.it;

import org.junit.jupiter.api.Test;

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
        MixedFleetCompatIT.assertBothClientsPing(fleet, SslSecurityCompatIT.ALL);
    }
}
