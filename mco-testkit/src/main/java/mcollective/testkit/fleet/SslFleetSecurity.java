package mcollective.testkit.fleet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code securityprovider = ssl} for a whole fleet, Java and Ruby alike, with the throw-away keys of
 * {@code reference/keys} (see its README.txt) copied to {@code <fleet>/ssl-keys}: every node shares the server key
 * pair and finds the client's public key ({@code cert=mcoadmin}) in {@code clients/}; clients sign with
 * {@code private/mcoadmin-private.pem}. {@link Yaml} adds {@code plugin.ssl_serializer = yaml} everywhere.
 */
public class SslFleetSecurity implements FleetSecurity {
    private final List<String> extra;

    public SslFleetSecurity() {
        this(List.of());
    }

    private SslFleetSecurity(List<String> extra) {
        this.extra = extra;
    }

    /** The copy of reference/keys under a fleet directory, made on first use. */
    public static Path keys(Path fleetDir) {
        return ReferenceKeys.copy(fleetDir, "ssl-keys");
    }

    @Override
    public List<String> serverLines(Path fleetDir, String identity) {
        Path keys = keys(fleetDir);
        return withExtra(
                "plugin.ssl_server_private = " + keys.resolve("server-private.pem"),
                "plugin.ssl_server_public = " + keys.resolve("server-public.pem"),
                "plugin.ssl_client_cert_dir = " + keys.resolve("clients"));
    }

    @Override
    public List<String> clientLines(Path fleetDir) {
        Path keys = keys(fleetDir);
        return withExtra(
                "plugin.ssl_server_public = " + keys.resolve("server-public.pem"),
                "plugin.ssl_client_private = " + keys.resolve("private/mcoadmin-private.pem"),
                "plugin.ssl_client_public = " + keys.resolve("clients/mcoadmin.pem"));
    }

    private List<String> withExtra(String... lines) {
        List<String> all = new ArrayList<>();
        all.add("securityprovider = ssl");
        all.addAll(List.of(lines));
        all.addAll(extra);
        return all;
    }

    /** ssl as above with {@code plugin.ssl_serializer = yaml} on every node and client. */
    public static final class Yaml extends SslFleetSecurity {
        public Yaml() {
            super(List.of("plugin.ssl_serializer = yaml"));
        }
    }
}
