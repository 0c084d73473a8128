package mcollective.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.plugin.PluginRegistry;

/** The {@code mco} command without a broker: help text, banners, option and config mistakes. */
class McoTest {
    record Run(int code, String out, String err) {}

    static Run mco(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Mco(
                        PluginRegistry.discover(),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        new mcollective.cli.Stdin(new ByteArrayInputStream(new byte[0]), false),
                        env)
                .run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String reference(String name) throws IOException {
        return Files.readString(mcollective.testdata.Reference.path("outputs/" + name));
    }

    @Nested
    class Help {
        @Test
        void shouldPrintFindHelpExactlyAsMcollective() throws IOException {
            Run run = mco(Map.of(), "find", "--help");

            assertThat(run.code()).isZero();
            assertThat(run.out()).isEqualTo(reference("find-help.txt"));
        }

        @Test
        void shouldPrintPingHelpAsMcollectivePlusTheExpectOption() throws IOException {
            Run run = mco(Map.of(), "ping", "--help");

            String expect = "        --expect COUNT               Stop waiting once COUNT replies have arrived\n";
            assertThat(run.out().replace(expect, "")).isEqualTo(reference("ping-help.txt"));
            assertThat(run.out()).contains(expect);
        }
    }

    @Nested
    class Mistakes {
        @Test
        void shouldListTheKnownCommandsForAnUnknownOne() {
            Run run = mco(Map.of(), "pingg");

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.out())
                    .contains("Unknown command 'pingg'")
                    .contains("Known commands:")
                    .containsPattern("   completion +describe_filter +facts +\n   find +help +inventory +\n   ping");
        }

        @Test
        void shouldPrintUsageWithoutArguments() {
            Run run = mco(Map.of());

            assertThat(run.code()).isZero();
            assertThat(run.out())
                    .startsWith("The Marionette Collective version 2.12.5\n\nusage: mco command <options>");
        }

        @Test
        void shouldNameABadOptionValue() {
            Run run = mco(Map.of(), "ping", "--timeout", "soon");

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).contains("soon").contains("--timeout");
        }

        @Test
        void shouldNameAMissingConfigFile(@TempDir Path dir) {
            Run run = mco(Map.of(), "find", "-c", dir.resolve("nope.cfg").toString());

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err())
                    .contains("The find application failed to run")
                    .contains("Cannot find config file '" + dir.resolve("nope.cfg") + "'");
        }

        @Test
        void shouldNameAMalformedFactFilter(@TempDir Path dir) throws IOException {
            Path cfg = Files.writeString(dir.resolve("client.cfg"), "securityprovider = psk\nplugin.psk = x\n");

            Run run = mco(Map.of(), "find", "-c", cfg.toString(), "-F", "platform");

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).contains("Could not parse fact platform it does not appear to be in a valid format");
        }

        @Test
        void shouldTakeOptionsFromMcollectiveExtraOpts(@TempDir Path dir) {
            Run run = mco(Map.of("MCOLLECTIVE_EXTRA_OPTS", "-c " + dir.resolve("extra.cfg")), "find");

            assertThat(run.err()).contains("Cannot find config file '" + dir.resolve("extra.cfg") + "'");
        }
    }
}
