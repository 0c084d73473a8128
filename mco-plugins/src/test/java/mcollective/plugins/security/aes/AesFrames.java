package mcollective.plugins.security.aes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import mcollective.config.Config;
import mcollective.plugin.PluginRegistry;
import mcollective.spi.PluginContext;
import mcollective.spi.Role;
import mcollective.testdata.Reference;

/** The golden aes frames of reference/frames and providers configured with reference/keys. */
final class AesFrames {
    static final Path FRAMES = Reference.path("frames");
    static final Path KEYS = Reference.path("keys");

    private AesFrames() {}

    static Stream<Path> requests() throws IOException {
        return frames("aes-request-");
    }

    static Stream<Path> replies() throws IOException {
        return frames("aes-reply-");
    }

    private static Stream<Path> frames(String prefix) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.list(FRAMES)) {
            files = all.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.toString().endsWith(".bin"))
                    .sorted()
                    .toList();
        }
        assertThat(files).as("golden aes frames under " + FRAMES).isNotEmpty();
        return files.stream();
    }

    static byte[] bytes(Path frame) {
        try {
            return Files.readAllBytes(frame);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The hex dump under "serialized plaintext:" in the frame's .txt: the decrypted body as Ruby serialised it. */
    static byte[] plaintext(Path frame) {
        Path txt = frame.resolveSibling(frame.getFileName().toString().replace(".bin", ".txt"));
        List<String> lines;
        try {
            lines = Files.readAllLines(txt, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        StringBuilder hex = new StringBuilder();
        boolean in = false;
        for (String line : lines) {
            if (line.strip().equals("serialized plaintext:")) {
                in = true;
            } else if (in && line.matches("[0-9a-f]{8}: .*")) {
                hex.append(line, 10, Math.min(line.length(), 49)); // 8 groups of 4 hex digits, then ASCII
            } else if (in) {
                break;
            }
        }
        assertThat(hex).as("plaintext dump in " + txt).isNotEmpty();
        return HexFormat.of().parseHex(hex.toString().replace(" ", ""));
    }

    /** A provider for {@code role} with reference/keys and the extra {@code plugin.aes.*} settings. */
    static AesSecurityProvider provider(Role role, Map<String, String> env, String... settings) {
        var builder = Config.builder().set("identity", "node2.example.net").environment(Map.of());
        AesSecurityProvider.keyDirectorySettings(KEYS, role).forEach(builder::set);
        for (int i = 0; i < settings.length; i += 2) {
            builder.set(settings[i], settings[i + 1]);
        }
        Config config = builder.build();
        AesSecurityProvider provider = new AesSecurityProvider();
        provider.init(new PluginContext(
                config,
                "aes_security",
                PluginRegistry.builder().autoDiscover(false).build(),
                Clock.systemUTC(),
                env,
                Map.of(Role.class, role)));
        return provider;
    }

    static AesSecurityProvider provider(Role role, String... settings) {
        return provider(role, Map.of(), settings);
    }
}
