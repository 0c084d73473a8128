package mcollective.plugins.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.McollectiveException;
import mcollective.ddl.DdlException;
import mcollective.spi.DataPlugin;

/** The four shipped data plugins answer what their Ruby originals answer, shaped by their DDLs. */
class DataPluginsTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private final FakeNode node = FakeNode.web1(Clock.fixed(NOW, ZoneOffset.UTC));

    private Map<String, Object> lookup(String plugin, String argument) {
        return node.dataPlugins().get(plugin).lookup(Optional.of(argument));
    }

    @Nested
    class Fstat {
        @TempDir
        Path dir;

        @Test
        void shouldAnswerWhatRubysFstatAnswersForAFileALinkADirectoryAndNothing() throws Exception {
            Path file = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
            Path link = Files.createSymbolicLink(dir.resolve("link"), file);
            Path missing = dir.resolve("missing");
            Files.readAllBytes(file); // settle atime before either side looks
            List<Path> paths = List.of(file, link, dir, missing, Path.of("/dev/null"));

            List<Map<String, Object>> ruby = ruby(paths);

            for (int i = 0; i < paths.size(); i++) {
                Path path = paths.get(i);
                Map<String, Object> ours = new LinkedHashMap<>(lookup("fstat", path.toString()));
                Map<String, Object> theirs = new LinkedHashMap<>(ruby.get(i));
                for (String time : List.of("mtime", "ctime", "atime")) {
                    Object seconds = ours.get(time + "_seconds");
                    Object age = ours.remove(time + "_age");
                    theirs.remove(time + "_age");
                    if (seconds instanceof Long s) {
                        assertThat(age).as("%s age of %s", time, paths.get(i)).isEqualTo(NOW.getEpochSecond() - s);
                    } else {
                        assertThat(age).isNull();
                    }
                }
                assertThat(ours.keySet()).as("outputs of %s", paths.get(i)).containsExactlyElementsOf(theirs.keySet());
                ours.forEach((key, value) -> assertThat(String.valueOf(value))
                        .as("%s of %s", key, path)
                        .isEqualTo(String.valueOf(theirs.get(key))));
            }
        }

        @Test
        void shouldRefuseAnEmptyFileNameAsTheDdlDoes() {
            assertThatThrownBy(() -> lookup("fstat", "")).isInstanceOf(DdlException.class);
            assertThatThrownBy(() -> node.dataPlugins().get("fstat").lookup(Optional.empty()))
                    .isInstanceOf(DdlException.class);
        }

        private List<Map<String, Object>> ruby(List<Path> paths) throws Exception {
            Path script = Files.createTempFile("ruby-fstat", ".rb");
            try (InputStream in = DataPluginsTest.class.getResourceAsStream("ruby-fstat.rb")) {
                assertThat(in).as("test resource ruby-fstat.rb").isNotNull();
                Files.write(script, in.readAllBytes());
            }
            List<String> command = new ArrayList<>(List.of("ruby", script.toString()));
            paths.forEach(p -> command.add(p.toString()));
            Process process = new ProcessBuilder(command).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue())
                    .as("ruby (Debian's mcollective package) failed: %s", err)
                    .isZero();
            Files.delete(script);
            List<Map<String, Object>> results = new ArrayList<>();
            for (String line : out.strip().split("\n")) {
                results.add(new ObjectMapper().readValue(line, new TypeReference<LinkedHashMap<String, Object>>() {}));
            }
            return results;
        }
    }

    @Nested
    class Fact {
        @Test
        void shouldAnswerAStringFactAsPlainText() {
            assertThat(lookup("fact", "country"))
                    .containsExactly(
                            entry("exists", true), entry("value", "uk"), entry("value_encoding", "text/plain"));
        }

        @Test
        void shouldWalkIntoStructuredFactsAndArrays() {
            assertThat(lookup("fact", "os.family")).containsEntry("value", "RedHat");
            assertThat(lookup("fact", "list.0")).containsEntry("value", "one");
            assertThat(lookup("fact", "list.-1")).containsEntry("value", "two");
        }

        @Test
        void shouldAnswerAStructureAsJson() {
            assertThat(lookup("fact", "os"))
                    .containsExactly(
                            entry("exists", true),
                            entry("value", "{\"family\":\"RedHat\"}"),
                            entry("value_encoding", "application/json"));
            assertThat(lookup("fact", "list")).containsEntry("value", "[\"one\",\"two\"]");
        }

        @Test
        void shouldAnswerFalseThreeTimesForAMissingFact() {
            assertThat(lookup("fact", "os.release.major"))
                    .containsExactly(entry("exists", false), entry("value", false), entry("value_encoding", false));
            assertThat(lookup("fact", "list.7")).containsEntry("exists", false);
        }

        @Test
        void shouldReadAnArrayIndexAsRubysIntegerDoes() {
            // Integer("01") is octal 1, Integer("0b0") is 0; a Bignum is past the end
            assertThat(lookup("fact", "list.01")).containsEntry("value", "two");
            assertThat(lookup("fact", "list.0b0")).containsEntry("value", "one");
            assertThat(lookup("fact", "list.99999999999999999999")).containsEntry("exists", false);
        }

        @Test
        void shouldFailOnAWordAsAnArrayIndexAsRubysIntegerDoes() {
            assertThatThrownBy(() -> lookup("fact", "list.first"))
                    .isInstanceOf(McollectiveException.class)
                    .hasMessage("invalid value for Integer(): \"first\"");
        }
    }

    @Nested
    class Agent {
        @Test
        void shouldAnswerTheAgentsMetadataInDdlOrderThenItsName() {
            Map<String, Object> rpcutil = lookup("agent", "rpcutil");

            assertThat(rpcutil.keySet())
                    .containsExactly("license", "timeout", "description", "url", "version", "author", "agent");
            assertThat(rpcutil)
                    .containsEntry("version", "1.0")
                    .containsEntry("timeout", 10)
                    .containsEntry("agent", "rpcutil");
        }

        @Test
        void shouldFailForAnAgentTheNodeDoesNotRun() {
            assertThatThrownBy(() -> lookup("agent", "nosuch"))
                    .isInstanceOf(McollectiveException.class)
                    .hasMessage("No agent called nosuch found");
        }

        @Test
        void shouldRefuseANameTheDdlDoesNotAllow() {
            assertThatThrownBy(() -> lookup("agent", "no such")).isInstanceOf(DdlException.class);
            assertThatThrownBy(() -> lookup("agent", "a".repeat(21))).isInstanceOf(DdlException.class);
        }
    }

    @Nested
    class Collective {
        @Test
        void shouldSayWhetherTheNodeIsAMember() {
            assertThat(lookup("collective", "uk")).containsExactly(entry("member", true));
            assertThat(lookup("collective", "de")).containsExactly(entry("member", false));
        }
    }

    @Test
    void shouldTakeOutputsAndTimeoutsFromTheShippedDdls() {
        DataPlugin fstat = node.dataPlugins().get("fstat");

        assertThat(fstat.outputs())
                .startsWith("name", "output", "present", "size", "mode", "md5")
                .hasSize(18);
        assertThat(node.dataPlugins().values())
                .allSatisfy(p -> assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(1)));
    }
}
