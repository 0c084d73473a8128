package mcollective.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Keeps docs/configuration.md and etc/*.dist in step with {@link ConfigKey}. */
class ConfigDocsTest {
    private static final List<String> DIST_FILES = List.of("etc/server.cfg.dist", "etc/client.cfg.dist");

    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("mco-core"))) {
            dir = dir.getParent();
        }
        assertThat(dir)
                .as("a directory containing mco-core above the working directory")
                .isNotNull();
        return dir;
    }

    @Nested
    class ConfigurationMd {
        @Test
        void shouldListEveryConfigKey() throws IOException {
            String doc = Files.readString(repoRoot().resolve("docs/configuration.md"));
            for (ConfigKey k : ConfigKey.values()) {
                assertThat(doc).as(k.rubyName()).contains("| `" + k.rubyName() + "` |");
            }
        }

        @Test
        void shouldListTheDeprecatedKeys() throws IOException {
            String doc = Files.readString(repoRoot().resolve("docs/configuration.md"));
            ConfigKey.DEPRECATED_NAMES.forEach(name -> assertThat(doc).contains("`" + name + "`"));
        }
    }

    @Nested
    class DistFiles {
        @Test
        void shouldOnlyUseKnownKeys() throws IOException {
            for (String name : DIST_FILES) {
                for (String line : Files.readAllLines(repoRoot().resolve(name))) {
                    String setting = line.replaceFirst("^#(?=\\w+\\s*=)", "");
                    if (setting.isBlank() || setting.startsWith("#") || !setting.contains("=")) {
                        continue;
                    }
                    String key = setting.substring(0, setting.indexOf('=')).strip();
                    assertThat(key.startsWith("plugin.")
                                    || ConfigKey.byName(key).isPresent())
                            .as(name + ": " + key)
                            .isTrue();
                }
            }
        }

        @Test
        void shouldParseCleanly() {
            for (String name : DIST_FILES) {
                Config c = new ConfigParser(Map.of())
                        .withHostname("h")
                        .parse(repoRoot().resolve(name));
                assertThat(c.collectives()).as(name).containsExactly("mcollective");
            }
        }

        @Test
        void shouldCoverKeysOfEveryType() {
            assertThat(Arrays.stream(ConfigKey.values()).map(ConfigKey::type).distinct())
                    .containsExactlyInAnyOrder(ValueType.values());
        }
    }
}
