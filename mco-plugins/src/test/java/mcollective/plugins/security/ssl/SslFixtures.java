package mcollective.plugins.security.ssl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import mcollective.config.Config;
import mcollective.plugin.PluginRegistry;
import mcollective.spi.PluginContext;
import mcollective.spi.Role;
import mcollective.testdata.Reference;

/** Providers set up with the reference fleet's keys (reference/keys/README.txt) and the golden ssl frames. */
final class SslFixtures {
    static final Path KEYS = Reference.path("keys");
    static final Path FRAMES = Reference.path("frames");

    private SslFixtures() {}

    static SslSecurityProvider node(String... settings) {
        return provider(Role.NODE, Map.of(), nodeSettings(settings));
    }

    static SslSecurityProvider client(String... settings) {
        return provider(Role.CLIENT, Map.of(), clientSettings(settings));
    }

    static String[] nodeSettings(String... more) {
        return concat(
                more,
                "plugin.ssl_server_private",
                KEYS.resolve("server-private.pem").toString(),
                "plugin.ssl_server_public",
                KEYS.resolve("server-public.pem").toString(),
                "plugin.ssl_client_cert_dir",
                KEYS.resolve("clients").toString());
    }

    static String[] clientSettings(String... more) {
        return concat(
                more,
                "plugin.ssl_server_public",
                KEYS.resolve("server-public.pem").toString(),
                "plugin.ssl_client_private",
                KEYS.resolve("private/mcoadmin-private.pem").toString(),
                "plugin.ssl_client_public",
                KEYS.resolve("clients/mcoadmin.pem").toString());
    }

    /** {@code settings} are key, value pairs; a later pair overrides an earlier one, a null value removes it. */
    static SslSecurityProvider provider(Role role, Map<String, String> env, String... settings) {
        var builder = Config.builder()
                .set("identity", "node1.example.net")
                .set("securityprovider", "ssl")
                .environment(Map.of());
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < settings.length; i += 2) {
            pairs.put(settings[i], settings[i + 1]);
        }
        pairs.forEach((k, v) -> {
            if (v != null) {
                builder.set(k, v);
            }
        });
        SslSecurityProvider provider = new SslSecurityProvider();
        provider.init(new PluginContext(
                builder.build(),
                "ssl",
                PluginRegistry.builder().autoDiscover(false).build(),
                Clock.systemUTC(),
                env,
                Map.of(Role.class, role)));
        return provider;
    }

    static Stream<Path> frames(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(FRAMES)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.toString().endsWith(".bin"))
                    .sorted()
                    .toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("no golden frames " + prefix + "* under " + FRAMES);
            }
            return found.stream();
        }
    }

    static byte[] read(String frame) {
        try {
            return Files.readAllBytes(FRAMES.resolve(frame));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] concat(String[] more, String... base) {
        return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
    }
}
