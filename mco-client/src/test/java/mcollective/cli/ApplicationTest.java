package mcollective.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import mcollective.McollectiveException;
import mcollective.plugin.PluginRegistry;

/** What the {@link Application} base gives an application: its name, help, sections, words and failures. */
class ApplicationTest {
    @Command(name = "echo", description = "Prints its words", customSynopsis = "mco echo [OPTIONS] <words>")
    static final class EchoApplication extends Application {
        @Option(names = "--fail", paramLabel = "MESSAGE", order = 1, description = "Fail with MESSAGE")
        String fail;

        @Option(names = "--crash", order = 2, description = "Fail with a bug")
        boolean crash;

        EchoApplication() {
            super(Section.COMMON);
        }

        @Override
        protected int main(AppContext context) {
            if (crash) {
                throw new IllegalStateException("a bug");
            }
            if (fail != null) {
                throw new McollectiveException(fail);
            }
            context.out().println(String.join(" ", arguments()) + (rpc.verbose() ? " (verbose)" : ""));
            return arguments().size();
        }
    }

    record Run(int code, String out, String err) {}

    @TempDir
    Path dir;

    Path cfg;

    @BeforeEach
    void writeConfig() throws IOException {
        cfg = Files.writeString(dir.resolve("client.cfg"), "securityprovider = psk\nplugin.psk = x\n");
    }

    static Run mco(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PluginRegistry registry = PluginRegistry.builder()
                .autoDiscover(false)
                .add(Application.class, EchoApplication::new)
                .build();
        CommandLine cmd =
                new Mco(registry, new Stdin(new ByteArrayInputStream(new byte[0]), false), Map.of()).commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return new Run(cmd.execute(args), out.toString(), err.toString());
    }

    @Test
    void shouldTakeNameDescriptionAndUsageFromTheCommandAnnotation() {
        EchoApplication echo = new EchoApplication();

        assertThat(echo.name()).isEqualTo("echo");
        assertThat(echo.description()).isEqualTo("Prints its words");
        assertThat(echo.usage()).containsExactly("mco echo [OPTIONS] <words>");
    }

    @Test
    void shouldRunWithTheWordsAndReturnTheExitCodeOfMain() {
        Run run = mco("echo", "-c", cfg.toString(), "hello", "world", "-v");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEqualTo("hello world (verbose)\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void shouldPrintHelpWithTheSectionsTheApplicationTakes() {
        Run run = mco("echo", "--help");

        assertThat(run.code()).isZero();
        assertThat(run.out())
                .startsWith("\nUsage: mco echo [OPTIONS] <words>\n\nPrints its words\nApplication Options\n"
                        + "        --fail MESSAGE               Fail with MESSAGE\n"
                        + "        --crash                      Fail with a bug\n\nRPC Options\n")
                .contains("\nHost Filters\n    -W, --with FILTER ")
                .doesNotContain("Common Options")
                .endsWith("\nThe Marionette Collective 2.12.5\n");
    }

    @Test
    void shouldRejectTheOptionsOfAnExcludedSection() {
        Run run = mco("echo", "-c", cfg.toString(), "--dt", "1");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("\nThe echo application failed to run, use -v for full error backtrace details: "
                        + "invalid option: --dt\n");
    }

    @Test
    void shouldPrintAFailureAsOneLine() {
        Run run = mco("echo", "-c", cfg.toString(), "--fail", "no such node");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo("\nThe echo application failed to run, use -v for full error backtrace details: "
                        + "no such node\n");
    }

    @Test
    void shouldPrintTheBacktraceOfAFailureWithVerbose() {
        Run run = mco("echo", "-c", cfg.toString(), "--fail", "no such node", "-v");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("\nThe echo application failed to run: no such node\n\n"
                        + "no such node (McollectiveException)\n\tfrom mcollective.cli.ApplicationTest$EchoApplication"
                        + ".main(");
    }

    @Test
    void shouldExitOneForABug() {
        Run run = mco("echo", "-c", cfg.toString(), "--crash");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("java.lang.IllegalStateException: a bug");
    }
}
