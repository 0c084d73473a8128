package mcollective.testkit.fleet;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import mcollective.testkit.TestCa;

/**
 * A fleet on {@code securityprovider = x509}: one {@link TestCa} under the fleet's directory, a certificate for each
 * node (CN = its identity) and one for the clients (CN {@code fleet-client}, so callerid {@code x509=fleet-client}),
 * with the CA's CRL configured. Java nodes and clients only: Ruby MCollective has no x509 plugin.
 */
public final class X509FleetSecurity implements FleetSecurity {
    /** The CN of the clients' certificate. */
    public static final String CLIENT = "fleet-client";

    private TestCa ca;
    private final Map<String, TestCa.Leaf> leaves = new HashMap<>();

    /** The fleet's CA, made on first use. */
    public synchronized TestCa ca(Path fleetDir) {
        if (ca == null) {
            ca = TestCa.create(fleetDir.resolve("x509"), "fleet-ca");
        }
        return ca;
    }

    @Override
    public List<String> serverLines(Path fleetDir, String identity) {
        return lines(fleetDir, identity);
    }

    @Override
    public List<String> clientLines(Path fleetDir) {
        return lines(fleetDir, CLIENT);
    }

    private synchronized List<String> lines(Path fleetDir, String name) {
        TestCa authority = ca(fleetDir);
        TestCa.Leaf leaf = leaves.computeIfAbsent(name, authority::issue);
        return List.of(
                "securityprovider = x509",
                "plugin.x509.ca = " + authority.caPem(),
                "plugin.x509.crl = " + authority.crlPem(),
                "plugin.x509.certificate = " + leaf.certPem(),
                "plugin.x509.key = " + leaf.keyPem());
    }
}
