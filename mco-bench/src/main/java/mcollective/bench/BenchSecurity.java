package mcollective.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mcollective.testkit.fleet.AesFleetSecurity;
import mcollective.testkit.fleet.FleetSecurity;
import mcollective.testkit.fleet.X509FleetSecurity;

/**
 * The config settings of a node and a client that share one security provider, for {@link VerifyBench}; key files
 * it writes are deleted by {@link #close()}.
 */
interface BenchSecurity extends AutoCloseable {
    /** The node's {@code server.cfg} settings. */
    Map<String, String> serverSettings();

    /** The client's {@code client.cfg} settings. */
    Map<String, String> clientSettings();

    @Override
    default void close() {}

    /** The set-up of the provider {@code name}. */
    static BenchSecurity forName(String name) {
        return switch (name) {
            case "psk" -> new Psk();
            case "ssl" -> new Ssl();
            case "aes_security" -> new Fleet(new AesFleetSecurity(), "aes_security");
            case "x509" -> new Fleet(new X509FleetSecurity(), "x509");
            default -> throw new IllegalArgumentException("No benchmark set-up for security provider '" + name + "'");
        };
    }

    /** psk with a fixed key. */
    final class Psk implements BenchSecurity {
        private static final Map<String, String> SETTINGS =
                Map.of("securityprovider", "psk", "plugin.psk", "benchmark-psk");

        @Override
        public Map<String, String> serverSettings() {
            return SETTINGS;
        }

        @Override
        public Map<String, String> clientSettings() {
            return SETTINGS;
        }
    }
    /** ssl with RSA-2048 keys made for the run: one server pair, one client pair named {@code bench}. */
    final class Ssl implements BenchSecurity {
        private final Path dir = KeyMaterial.tempDir("ssl");
        private final Path serverPrivate = dir.resolve("server-private.pem");
        private final Path serverPublic = dir.resolve("server-public.pem");
        private final Path clientPrivate = dir.resolve("bench-private.pem");
        private final Path clientPublic = dir.resolve("clients").resolve("bench.pem");

        Ssl() {
            KeyMaterial.writeRsaPair(serverPrivate, serverPublic);
            KeyMaterial.writeRsaPair(clientPrivate, clientPublic);
        }

        @Override
        public Map<String, String> serverSettings() {
            return Map.of(
                    "securityprovider", "ssl",
                    "plugin.ssl_server_private", serverPrivate.toString(),
                    "plugin.ssl_server_public", serverPublic.toString(),
                    "plugin.ssl_client_cert_dir", clientPublic.getParent().toString());
        }

        @Override
        public Map<String, String> clientSettings() {
            return Map.of(
                    "securityprovider", "ssl",
                    "plugin.ssl_server_public", serverPublic.toString(),
                    "plugin.ssl_client_private", clientPrivate.toString(),
                    "plugin.ssl_client_public", clientPublic.toString());
        }

        @Override
        public void close() {
            KeyMaterial.delete(dir);
        }
    }

    /** The keys and settings a test fleet on that provider uses ({@link FleetSecurity}), for one node. */
    final class Fleet implements BenchSecurity {
        private final Path dir;
        private final Map<String, String> server;
        private final Map<String, String> client;

        Fleet(FleetSecurity security, String provider) {
            dir = KeyMaterial.tempDir(provider);
            server = settings(security.serverLines(dir, "bench.example.net"));
            client = settings(security.clientLines(dir));
        }

        private static Map<String, String> settings(List<String> lines) {
            Map<String, String> out = new LinkedHashMap<>();
            for (String line : lines) {
                int equals = line.indexOf('=');
                out.put(
                        line.substring(0, equals).trim(),
                        line.substring(equals + 1).trim());
            }
            return out;
        }

        @Override
        public Map<String, String> serverSettings() {
            return server;
        }

        @Override
        public Map<String, String> clientSettings() {
            return client;
        }

        @Override
        public void close() {
            KeyMaterial.delete(dir);
        }
    }
}
