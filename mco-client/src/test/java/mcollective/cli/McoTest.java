package mcollective.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import mcollective.plugin.PluginRegistry;
import mcollective.testdata.Reference;

/** The {@code mco} command without a broker: help text, banners, option and config mistakes. */
class McoTest {
    record Run(int code, String out, String err) {}

    /** {@code mco args...} through picocli's {@code execute}, with {@code env} as the environment. */
    static Run mco(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new Mco(
                        PluginRegistry.discover(), new Stdin(new ByteArrayInputStream(new byte[0]), false), env)
                .commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static String reference(String name) throws IOException {
        return Files.readString(Reference.path("outputs/" + name));
    }

    /** What Ruby's {@code application_failure} prints on stderr for {@code message}, without {@code -v}. */
    static String failure(String app, String message) {
        return "\nThe " + app + " application failed to run, use -v for full error backtrace details: " + message
                + "\n";
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
        void shouldPrintTheBannerForAnOptionBeforeTheCommand() {
            Run run = mco(Map.of(), "--foo", "ping");

            assertThat(run.code()).isZero();
            assertThat(run.out()).contains("usage: mco command <options>").doesNotContain("Unknown command");
        }

        @Test
        void shouldTakeASingleDashWordFirstForAnUnknownCommand() {
            Run run = mco(Map.of(), "-x");

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.out()).contains("Unknown command '-x', searched for applications in:");
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
        void shouldPrintTheBacktraceOfAFailureWithVerbose(@TempDir Path dir) {
            Run run = mco(Map.of(), "find", "-v", "-c", dir.resolve("nope.cfg").toString());

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err())
                    .startsWith("\nThe find application failed to run: Cannot find config file")
                    .contains("(ConfigException)\n\tfrom mcollective.config.ConfigParser");
        }

        @Test
        void shouldTakeOptionsFromMcollectiveExtraOpts(@TempDir Path dir) {
            Run run = mco(Map.of("MCOLLECTIVE_EXTRA_OPTS", "-c " + dir.resolve("extra.cfg")), "find");

            assertThat(run.err()).contains("Cannot find config file '" + dir.resolve("extra.cfg") + "'");
        }
    }

    /** Option mistakes get Ruby's OptionParser wording (as {@code mco} 2.12.5 prints it), one line, exit 1. */
    @Nested
    class OptionErrors {
        @Test
        void shouldCallAnUnknownLongOptionInvalid() {
            Run run = mco(Map.of(), "ping", "--foo");

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo(failure("ping", "invalid option: --foo"));
        }

        @Test
        void shouldNameTheUnknownFlagOfACluster() {
            assertThat(mco(Map.of(), "ping", "-gx").err()).isEqualTo(failure("ping", "invalid option: -x"));
        }

        @Test
        void shouldRejectTheOptionsOfASectionTheApplicationExcludes() {
            Run run = mco(Map.of(), "describe_filter", "-T", "eu");

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).isEqualTo(failure("describe_filter", "invalid option: -T"));
        }

        @Test
        void shouldNameAMissingArgumentAsTyped() {
            assertThat(mco(Map.of(), "ping", "--timeout").err())
                    .isEqualTo(failure("ping", "missing argument: --timeout"));
            assertThat(mco(Map.of(), "ping", "-t").err()).isEqualTo(failure("ping", "missing argument: -t"));
            assertThat(mco(Map.of(), "ping", "-gt").err()).isEqualTo(failure("ping", "missing argument: -t"));
            assertThat(mco(Map.of(), "rpc", "rpcutil", "ping", "--arg").err())
                    .isEqualTo(failure("rpc", "missing argument: --arg"));
        }

        @Test
        void shouldNameAnInvalidArgumentAsTyped() {
            assertThat(mco(Map.of(), "ping", "--timeout", "foo").err())
                    .isEqualTo(failure("ping", "invalid argument: --timeout foo"));
            assertThat(mco(Map.of(), "ping", "-t", "foo").err()).isEqualTo(failure("ping", "invalid argument: -t foo"));
            assertThat(mco(Map.of(), "ping", "--timeout=foo").err())
                    .isEqualTo(failure("ping", "invalid argument: --timeout=foo"));
            assertThat(mco(Map.of(), "ping", "-tfoo").err()).isEqualTo(failure("ping", "invalid argument: -tfoo"));
            assertThat(mco(Map.of(), "rpc", "--batch-sleep", "x", "rpcutil", "ping")
                            .err())
                    .isEqualTo(failure("rpc", "invalid argument: --batch-sleep x"));
        }

        @Test
        void shouldCallAValueForAFlagNeedless() {
            Run run = mco(Map.of(), "ping", "--graph=yes");

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).isEqualTo(failure("ping", "needless argument: --graph=yes"));
        }

        @Test
        void shouldNotPrintABacktraceEvenWithVerbose() {
            // optparse fails before -v is set, so Ruby still suggests it.
            assertThat(mco(Map.of(), "ping", "-v", "--foo").err()).isEqualTo(failure("ping", "invalid option: --foo"));
        }

        @Test
        void shouldNameABadExtraOptsValue() {
            Run run = mco(Map.of("MCOLLECTIVE_EXTRA_OPTS", "--dt soon"), "find");

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).isEqualTo(failure("find", "invalid argument: --dt soon"));
        }

        @Test
        void shouldNameAnUnparsableExtraOpts() {
            Run run = mco(Map.of("MCOLLECTIVE_EXTRA_OPTS", "-F 'os=linux"), "describe_filter");

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err())
                    .isEqualTo(failure(
                            "describe_filter",
                            "Failed to parse MCOLLECTIVE_EXTRA_OPTS: Unmatched quote: \"-F 'os=linux\""));
        }
    }

    /** Options and words as optparse takes them. */
    @Nested
    class Parsing {
        @Test
        void shouldKeepTheLastValueOfAnOptionGivenTwice(@TempDir Path dir) throws IOException {
            Path cfg = Files.writeString(dir.resolve("client.cfg"), "securityprovider = psk\nplugin.psk = x\n");

            Run run = mco(
                    Map.of("MCOLLECTIVE_EXTRA_OPTS", "-c " + dir.resolve("nope.cfg")),
                    "describe_filter",
                    "-c",
                    cfg.toString(),
                    "-F",
                    "a=b");

            assertThat(run.code()).isZero();
            assertThat(run.out()).contains("Check if fact 'a' == 'b'");
        }

        @Test
        void shouldReadExtraOptsBeforeTheCommandLine(@TempDir Path dir) throws IOException {
            Path cfg = Files.writeString(dir.resolve("client.cfg"), "securityprovider = psk\nplugin.psk = x\n");

            Run run = mco(
                    Map.of("MCOLLECTIVE_EXTRA_OPTS", "-F os=linux"),
                    "describe_filter",
                    "-c",
                    cfg.toString(),
                    "-C",
                    "web");

            assertThat(run.out())
                    .isEqualTo("-F filter expands to the following fact comparisons:\n\n"
                            + "  Check if fact 'os' == 'linux'\n\n"
                            + "-C filter expands to the following class checks:\n\n"
                            + "  Check if class 'web' is present on the host\n\n");
        }

        @Test
        void shouldIgnoreWordsAnApplicationDoesNotReadAsRubyDoes(@TempDir Path dir) throws IOException {
            Path cfg = Files.writeString(dir.resolve("client.cfg"), "securityprovider = psk\nplugin.psk = x\n");

            Run run = mco(Map.of(), "describe_filter", "-c", cfg.toString(), "-F", "a=b", "stray");

            assertThat(run.code()).isZero();
            assertThat(run.err()).isEmpty();
        }

        @Test
        void shouldRegisterEveryApplicationAsASubcommand() {
            CommandLine cmd = new Mco(
                            PluginRegistry.discover(),
                            new Stdin(new ByteArrayInputStream(new byte[0]), false),
                            Map.of())
                    .commandLine();

            assertThat(cmd.getSubcommands().keySet())
                    .containsExactlyInAnyOrderElementsOf(
                            PluginRegistry.discover().names(Application.class));
        }
    }
}
