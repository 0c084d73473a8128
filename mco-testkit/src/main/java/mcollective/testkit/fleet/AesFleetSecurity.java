package mcollective.testkit.fleet;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code securityprovider = aes_security} for a whole fleet, Java and Ruby alike, with the throw-away keys of
 * {@code reference/keys} (see its README.txt) copied to {@code <fleet>/aes-keys}: every node shares the server key
 * pair and finds the client's certificate ({@code cert=mcoadmin}) and the server's in the certificate directory;
 * clients send their certificate along ({@code plugin.aes.send_pubkey = 1}).
 */
public final class AesFleetSecurity implements FleetSecurity {
    /** The copy of reference/keys under a fleet directory, made on first use. */
    public static Path keys(Path fleetDir) {
        return ReferenceKeys.copy(fleetDir, "aes-keys");
    }

    @Override
    public List<String> serverLines(Path fleetDir, String identity) {
        Path keys = keys(fleetDir);
        return List.of(
                "securityprovider = aes_security",
                "plugin.aes.server_private = " + keys.resolve("server-private.pem"),
                "plugin.aes.server_public = " + keys.resolve("aes/server-cert.pem"),
                "plugin.aes.client_cert_dir = " + keys.resolve("aes/clients"));
    }

    @Override
    public List<String> clientLines(Path fleetDir) {
        Path keys = keys(fleetDir);
        return List.of(
                "securityprovider = aes_security",
                "plugin.aes.client_private = " + keys.resolve("private/mcoadmin-private.pem"),
                "plugin.aes.client_public = " + keys.resolve("aes/clients/mcoadmin.pem"),
                "plugin.aes.send_pubkey = 1");
    }
}
