package mcollective.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConfigLocatorTest {
    private static final Path HOME = Path.of("/home/alice");
    private static final Path DOTFILE = HOME.resolve(".mcollective");
    private static final Path AIO = Path.of("/etc/puppetlabs/mcollective/client.cfg");
    private static final Path CLASSIC = Path.of("/etc/mcollective/client.cfg");

    private static ConfigLocator readable(Optional<Path> home, Path... files) {
        Set<Path> set = Set.of(files);
        return new ConfigLocator(home, set::contains);
    }

    @Nested
    class ClientLookup {
        @Test
        void shouldPreferTheUsersDotfile() {
            assertThat(readable(Optional.of(HOME), DOTFILE, AIO, CLASSIC).clientConfig())
                    .isEqualTo(DOTFILE);
        }

        @Test
        void shouldFallBackToTheFirstReadableSystemFile() {
            assertThat(readable(Optional.of(HOME), AIO, CLASSIC).clientConfig()).isEqualTo(AIO);
            assertThat(readable(Optional.of(HOME), CLASSIC).clientConfig()).isEqualTo(CLASSIC);
        }

        @Test
        void shouldReturnTheFirstCandidateWhenNoneIsReadable() {
            assertThat(readable(Optional.of(HOME)).clientConfig()).isEqualTo(DOTFILE);
            assertThat(readable(Optional.empty()).clientConfig()).isEqualTo(AIO);
        }

        @Test
        void shouldListCandidatesInRubysOrder() {
            assertThat(readable(Optional.of(HOME)).clientCandidates()).containsExactly(DOTFILE, AIO, CLASSIC);
        }

        @Test
        void shouldUseTheCommandLineFileBeforeAnyLookup() {
            assertThat(readable(Optional.of(HOME), DOTFILE).clientConfig(List.of("-c", "/tmp/c.cfg"), null))
                    .isEqualTo(Path.of("/tmp/c.cfg"));
            assertThat(readable(Optional.of(HOME), DOTFILE).clientConfig(List.of("ping"), null))
                    .isEqualTo(DOTFILE);
        }
    }

    @Nested
    class ServerLookup {
        @Test
        void shouldPreferTheAioPathThenTheClassicOne() {
            Path aio = Path.of("/etc/puppetlabs/mcollective/server.cfg");
            Path classic = Path.of("/etc/mcollective/server.cfg");
            assertThat(readable(Optional.empty(), aio, classic).serverConfig()).isEqualTo(aio);
            assertThat(readable(Optional.empty(), classic).serverConfig()).isEqualTo(classic);
            assertThat(readable(Optional.empty()).serverConfig()).isEqualTo(aio);
        }
    }

    @Nested
    class ConfigFromArgs {
        private Optional<String> config(String extra, String... argv) {
            return ConfigLocator.configFromArgs(List.of(argv), extra);
        }

        @Test
        void shouldFindEverySpellingOfTheConfigOption() {
            assertThat(config(null, "-c", "/a")).contains("/a");
            assertThat(config(null, "-c/a")).contains("/a");
            assertThat(config(null, "--config", "/a")).contains("/a");
            assertThat(config(null, "--config=/a=b")).contains("/a=b");
            assertThat(config(null, "--conf", "/a")).contains("/a");
            assertThat(config(null, "-vc", "/a")).contains("/a");
        }

        @Test
        void shouldKeepRubysReadingOfDashCEquals() {
            assertThat(config(null, "-c=/a")).contains("=/a");
        }

        @Test
        void shouldSkipOtherOptionsAndArguments() {
            assertThat(config(null, "rpcutil", "ping", "-I", "node1", "--collective", "x", "-c", "/a", "-v"))
                    .contains("/a");
            assertThat(config(null, "-I", "node1")).isEmpty();
            assertThat(config(null, "-xc", "/a")).isEmpty();
        }

        @Test
        void shouldLetTheLastOccurrenceWinAndStopAtDoubleDash() {
            assertThat(config(null, "-c", "/a", "--config", "/b")).contains("/b");
            assertThat(config(null, "--", "-c", "/a")).isEmpty();
        }

        @Test
        void shouldReportAMissingArgument() {
            assertThatThrownBy(() -> config(null, "-I", "x", "-c")).hasMessage("missing argument: -c");
            assertThatThrownBy(() -> config(null, "--config")).hasMessage("missing argument: --config");
        }

        @Test
        void shouldReadTheConfigFromExtraOpts() {
            assertThat(config("-v --config '/etc/my client.cfg' -I x")).contains("/etc/my client.cfg");
            assertThat(config("-c /a -c /b")).contains("/a");
            assertThat(config("--config=/x")).contains("/x");
            assertThat(config("-I node1 --dt 5")).isEmpty();
        }

        @Test
        void shouldPreferTheCommandLineOverExtraOpts() {
            assertThat(config("-c /env.cfg", "-c", "/argv.cfg")).contains("/argv.cfg");
            assertThat(config("-c /env.cfg", "ping")).contains("/env.cfg");
        }

        @Test
        void shouldIgnoreMalformedExtraOpts() {
            assertThat(config("-c '/unterminated")).isEmpty();
            assertThat(config("-c '/unterminated", "-c", "/a")).contains("/a");
        }
    }

    @Nested
    class WithExtraOpts {
        @Test
        void shouldPutTheExtraWordsBeforeTheCommandLineSoTheCommandLineWins() {
            assertThat(ConfigLocator.withExtraOpts(List.of("-t", "10"), "-t 5 --dt=2"))
                    .containsExactly("-t", "5", "--dt=2", "-t", "10");
        }

        @Test
        void shouldSplitLikeAShell() {
            assertThat(ConfigLocator.withExtraOpts(List.of(), "-F 'os=Red Hat' -W \"a=\\\"b\\\"\" c\\ d e''f"))
                    .containsExactly("-F", "os=Red Hat", "-W", "a=\"b\"", "c d", "ef");
        }

        @Test
        void shouldLeaveTheCommandLineAloneWithoutTheVariable() {
            assertThat(ConfigLocator.withExtraOpts(List.of("ping"), null)).containsExactly("ping");
            assertThat(ConfigLocator.withExtraOpts(List.of("ping"), "  ")).containsExactly("ping");
        }

        @Test
        void shouldRejectAnUnmatchedQuote() {
            assertThatThrownBy(() -> ConfigLocator.withExtraOpts(List.of(), "-F 'x"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("Failed to parse MCOLLECTIVE_EXTRA_OPTS: Unmatched quote: \"-F 'x\"");
        }
    }
}
