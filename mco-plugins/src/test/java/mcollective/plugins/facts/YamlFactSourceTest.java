package mcollective.plugins.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.config.Config;
import mcollective.config.ConfigException;
import mcollective.plugin.PluginRegistry;
import mcollective.spi.PluginContext;
import mcollective.spi.support.AbstractFactSource;
import mcollective.testkit.LogCapture;
import mcollective.testkit.MutableClock;

class YamlFactSourceTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    /** Rewrites a file and moves its mtime on, so the change is visible whatever the file system's granularity. */
    private static void rewrite(Path file, String yaml) throws IOException {
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, yaml);
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 2000));
    }

    private YamlFactSource source(Path... files) {
        return new YamlFactSource(List.of(files), Duration.ofSeconds(300), clock);
    }

    @Test
    void shouldBeNamedYaml() {
        assertThat(new YamlFactSource().name()).isEqualTo("yaml");
    }

    @Test
    void shouldSplitPluginYamlOnThePathSeparator() {
        String setting = "/etc/mcollective/facts.yaml" + File.pathSeparator + "/etc/more.yaml";

        assertThat(YamlFactSource.parseFileList(setting))
                .containsExactly(Path.of("/etc/mcollective/facts.yaml"), Path.of("/etc/more.yaml"));
    }

    @Nested
    class Init {
        private YamlFactSource initWith(String pluginYaml) {
            Config config = Config.builder()
                    .set("plugin.yaml", pluginYaml)
                    .environment(Map.of())
                    .build();
            YamlFactSource source = new YamlFactSource();
            source.init(new PluginContext(
                    config, "yaml", PluginRegistry.builder().autoDiscover(false).build(), clock, Map.of(), Map.of()));
            return source;
        }

        @Test
        void shouldRefuseAFactsFileThatIsADirectoryNamingTheSetting() throws IOException {
            Path facts = Files.createDirectory(dir.resolve("facts.yaml"));

            assertThatThrownBy(() -> initWith(facts.toString()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("plugin.yaml '" + facts + "' is a directory");
        }

        @Test
        void shouldAcceptAMissingFactsFileAsRubyDoes() {
            YamlFactSource source = initWith(dir.resolve("later.yaml").toString());

            assertThat(source.files()).containsExactly(dir.resolve("later.yaml"));
        }
    }

    @Nested
    class Loading {
        @Test
        void shouldMergeFilesInOrderWithTheLaterFileWinning() throws IOException {
            Path base = write("base.yaml", "country: uk\nrole: web\n");
            Path local = write("local.yaml", "role: db\nrack: r1\n");

            Map<String, Object> facts = source(base, local).facts();

            assertThat(facts)
                    .containsExactly(Map.entry("country", "uk"), Map.entry("role", "db"), Map.entry("rack", "r1"));
        }

        @Test
        void shouldStringifyScalarsAsRubyDoes() throws IOException {
            Path file = write(
                    "facts.yaml",
                    String.join(
                            "\n",
                            "processorcount: 2",
                            "virtual: true",
                            "load: 1.5",
                            "empty:",
                            "legacy: yes",
                            "octal: 010",
                            "hex: 0x1A",
                            "sep: 1_000",
                            "notfloat: 1.0e5",
                            "sci: 1.5e+3",
                            "quoted: 'yes'",
                            "tagged: !!str 5",
                            "big: 12345678901234567890",
                            "inf: -.inf",
                            ""));

            Map<String, Object> facts = source(file).facts();

            assertThat(facts)
                    .containsEntry("processorcount", "2")
                    .containsEntry("virtual", "true")
                    .containsEntry("load", "1.5")
                    .containsEntry("empty", "")
                    .containsEntry("legacy", "true")
                    .containsEntry("octal", "8")
                    .containsEntry("hex", "26")
                    .containsEntry("sep", "1000")
                    .containsEntry("notfloat", "1.0e5")
                    .containsEntry("sci", "1500.0")
                    .containsEntry("quoted", "yes")
                    .containsEntry("tagged", "5")
                    .containsEntry("big", "12345678901234567890")
                    .containsEntry("inf", "-Infinity");
        }

        @Test
        void shouldKeepStructuredFactsAsMapsAndLists() throws IOException {
            Path file = write("facts.yaml", "os:\n  family: RedHat\n  release: {major: 7}\nips: [10.0.0.1, 2]\n");

            Map<String, Object> facts = source(file).facts();

            assertThat(facts)
                    .containsEntry("os", Map.of("family", "RedHat", "release", Map.of("major", "7")))
                    .containsEntry("ips", List.of("10.0.0.1", "2"));
        }

        @Test
        void shouldResolveAliasesAsRubyDoes() throws IOException {
            Path file = write("facts.yaml", "a: &shared [x, y]\nb: *shared\n");

            assertThat(source(file).facts()).containsEntry("b", List.of("x", "y"));
        }

        @Test
        void shouldSkipAMissingFileAndLoadTheOthers() throws IOException {
            Path present = write("facts.yaml", "country: uk\n");

            assertThat(source(dir.resolve("missing.yaml"), present).facts())
                    .containsExactly(Map.entry("country", "uk"));
        }

        @Test
        void shouldHaveNoFactsWithoutFiles() {
            assertThat(new YamlFactSource().facts()).isEmpty();
        }
    }

    @Nested
    class Reloading {
        @Test
        void shouldReloadAsSoonAsAFileChanges() throws IOException {
            Path file = write("facts.yaml", "role: web\n");
            YamlFactSource source = source(file);
            assertThat(source.facts()).containsEntry("role", "web");

            rewrite(file, "role: db\n");

            assertThat(source.facts()).containsEntry("role", "db");
        }

        @Test
        void shouldReloadWhenAMissingFileAppears() throws IOException {
            Path base = write("base.yaml", "role: web\n");
            Path later = dir.resolve("later.yaml");
            YamlFactSource source = source(base, later);
            assertThat(source.facts()).doesNotContainKey("rack");

            Files.writeString(later, "rack: r1\n");

            assertThat(source.facts()).containsEntry("rack", "r1");
        }

        @Test
        void shouldUseTheCacheWhileNothingChanges() throws IOException {
            Path file = write("facts.yaml", "role: web\n");
            YamlFactSource source = source(file);
            Map<String, Object> first = source.facts();

            clock.advance(Duration.ofSeconds(300));

            assertThat(source.facts()).isSameAs(first);
            clock.advance(Duration.ofSeconds(1));
            assertThat(source.facts()).isEqualTo(first).isNotSameAs(first);
        }
    }

    @Nested
    class BrokenFiles {
        @Test
        void shouldKeepTheLastGoodFactsWhenAFileBecomesInvalidYaml() throws IOException {
            Path file = write("facts.yaml", "role: web\n");
            YamlFactSource source = source(file);
            source.facts();

            rewrite(file, "role: [web\n  : : :\n");

            assertThat(source.facts()).containsExactly(Map.entry("role", "web"));
        }

        @Test
        void shouldRecoverOnceTheFileIsFixed() throws IOException {
            Path file = write("facts.yaml", "role: web\n");
            YamlFactSource source = source(file);
            source.facts();
            rewrite(file, "role: [web\n");
            source.facts();

            rewrite(file, "role: db\n");

            assertThat(source.facts()).containsEntry("role", "db");
        }

        @Test
        void shouldRefuseTagsThatWouldInstantiateRubyObjects() throws IOException {
            Path file = write("facts.yaml", "role: web\nevil: !ruby/object:Gem::Installer {i: x}\n");

            assertThat(source(file).facts()).isEmpty();
        }

        @Test
        void shouldRefuseADocumentThatIsNotAHash() throws IOException {
            Path file = write("facts.yaml", "- a\n- b\n");

            assertThat(source(file).facts()).isEmpty();
        }

        @Test
        void shouldRefuseAnAliasBomb() throws IOException {
            StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
            for (int i = 1; i < 10; i++) {
                yaml.append("a").append(i).append(": &a").append(i).append(" [");
                yaml.append(String.join(", ", Collections.nCopies(10, "*a" + (i - 1))))
                        .append("]\n");
            }

            assertThat(source(write("facts.yaml", yaml.toString())).facts()).isEmpty();
        }
    }

    @Nested
    class Limits {
        @Test
        void shouldRefuseABillionLaughsFileNamingIt() throws IOException {
            StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
            for (int i = 1; i < 10; i++) {
                String previous = "*a" + (i - 1);
                yaml.append("a")
                        .append(i)
                        .append(": &a")
                        .append(i)
                        .append(" [")
                        .append(String.join(", ", Collections.nCopies(10, previous)))
                        .append("]\n");
            }
            Path file = write("laughs.yaml", yaml.toString());
            assertRefused(file, "expands to more than 1000000 nodes");
        }

        @Test
        void shouldRefuseAFileNested10000DeepNamingIt() throws IOException {
            Path file = write("deep.yaml", "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
            assertRefused(file, "nesting");
        }

        /** No facts, and one log line naming the file and the limit; the reader thread lives on. */
        private void assertRefused(Path file, String limit) {
            try (LogCapture log = LogCapture.of(AbstractFactSource.class, YamlFactSource.class)) {
                assertThat(source(file).facts()).isEmpty();
                assertThat(String.join("\n", log.lines()))
                        .contains(file.toString())
                        .containsIgnoringCase(limit);
            }
        }
    }
}
