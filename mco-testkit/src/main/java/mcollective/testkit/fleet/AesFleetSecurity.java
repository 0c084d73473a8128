package mcollective.testkit.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code securityprovider = aes_security} for a whole fleet, Java and Ruby alike, with the throw-away keys of
 * {@code reference/keys} (see its README.txt) copied to {@code <fleet>/aes-keys}: every node shares the server key
 * pair and finds the client's certificate ({@code cert=mcoadmin}) and the server's in the certificate directory;
 * clients send their certificate along ({@code plugin.aes.send_pubkey = 1}). {@link Yaml} adds
 * {@code plugin.aes.serializer = yaml} everywhere; with {@link Learning} every node starts without the client's
 * certificate and learns it from the first request.
 */
public class AesFleetSecurity implements FleetSecurity {
    /** The copy of reference/keys under a fleet directory, made on first use. */
    public static Path keys(Path fleetDir) {
        return ReferenceKeys.copy(fleetDir, "aes-keys");
    }

    /** The certificate directory of node {@code identity}: the shared one, unless a subclass gives each its own. */
    protected Path certDir(Path fleetDir, String identity) {
        return keys(fleetDir).resolve("aes/clients");
    }

    /** Lines every node and client gets beyond the keys. */
    protected List<String> extraLines(Path fleetDir) {
        return List.of();
    }

    @Override
    public List<String> serverLines(Path fleetDir, String identity) {
        Path keys = keys(fleetDir);
        List<String> lines = new ArrayList<>(List.of(
                "securityprovider = aes_security",
                "plugin.aes.server_private = " + keys.resolve("server-private.pem"),
                "plugin.aes.server_public = " + keys.resolve("aes/server-cert.pem"),
                "plugin.aes.client_cert_dir = " + certDir(fleetDir, identity)));
        lines.addAll(extraLines(fleetDir));
        return lines;
    }

    @Override
    public List<String> clientLines(Path fleetDir) {
        Path keys = keys(fleetDir);
        List<String> lines = new ArrayList<>(List.of(
                "securityprovider = aes_security",
                "plugin.aes.client_private = " + keys.resolve("private/mcoadmin-private.pem"),
                "plugin.aes.client_public = " + keys.resolve("aes/clients/mcoadmin.pem"),
                "plugin.aes.send_pubkey = 1"));
        lines.addAll(extraLines(fleetDir));
        return lines;
    }

    /** aes_security as above with {@code plugin.aes.serializer = yaml} on every node and client. */
    public static final class Yaml extends AesFleetSecurity {
        @Override
        protected List<String> extraLines(Path fleetDir) {
            return List.of("plugin.aes.serializer = yaml");
        }
    }

    /**
     * aes_security with {@code plugin.aes.learn_pubkeys = 1} and {@code plugin.aes.ca_cert} set to the reference CA:
     * each node has its own certificate directory ({@link #learntDir}) holding only the server's certificate, and
     * stores the client's from the {@code :sslpubkey} of its first request.
     */
    public static final class Learning extends AesFleetSecurity {
        /** Where node {@code identity} keeps the certificates it has learnt. */
        public static Path learntDir(Path fleetDir, String identity) {
            return keys(fleetDir).resolve("learnt").resolve(identity);
        }

        @Override
        protected Path certDir(Path fleetDir, String identity) {
            Path dir = learntDir(fleetDir, identity);
            try {
                Files.createDirectories(dir);
                Files.copy(
                        keys(fleetDir).resolve("aes/clients/mco-fleet-server.pem"),
                        dir.resolve("mco-fleet-server.pem"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot make " + dir, e);
            }
            return dir;
        }

        @Override
        public List<String> serverLines(Path fleetDir, String identity) {
            List<String> lines = new ArrayList<>(super.serverLines(fleetDir, identity));
            lines.add("plugin.aes.learn_pubkeys = 1");
            lines.add("plugin.aes.ca_cert = " + keys(fleetDir).resolve("ca.pem"));
            return lines;
        }
    }
}
