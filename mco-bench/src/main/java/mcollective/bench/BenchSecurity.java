package mcollective.bench;

import java.util.Map;

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
}
