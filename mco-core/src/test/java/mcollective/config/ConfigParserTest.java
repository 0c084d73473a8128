package mcollective.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigParserTest {
    private final ConfigParser parser = new ConfigParser(Map.of()).withHostname("node1.example.com");

    private Config parse(String... lines) {
        return parser.parse(String.join("\n", lines) + "\n", "server.cfg");
    }

    @Nested
    class FileFormat {
        @Test
        void shouldSkipCommentsAndBlankLines() {
            Config c = parse("# ttl = abc", "", "   ", "ttl = 30");
            assertThat(c.ttl()).isEqualTo(30);
        }

        @Test
        void shouldAcceptAnyWhitespaceAroundTheEqualsSign() {
            Config c = parse("ttl=30", "identity  \t=\t  web1", "  main_collective   =   other  ");
            assertThat(c.ttl()).isEqualTo(30);
            assertThat(c.identity()).isEqualTo("web1");
            assertThat(c.mainCollective()).isEqualTo("other");
        }

        @Test
        void shouldKeepEqualsSignsInsideTheValue() {
            Config c = parse("plugin.x.query = a=b==c", "default_discovery_options = key=value");
            assertThat(c.plugin("x").get("query")).contains("a=b==c");
            assertThat(c.defaultDiscoveryOptions()).containsExactly("key=value");
        }

        @Test
        void shouldIgnoreLinesWithoutAnEqualsSignAsRubyDoes() {
            assertThat(parse("this is not a setting", "ttl = 5").ttl()).isEqualTo(5);
        }

        @Test
        void shouldTreatAnIndentedHashAsPartOfTheKeyAsRubyDoes() {
            assertThatThrownBy(() -> parse("  # ttl = 5")).hasMessage("server.cfg:1: Unknown config parameter '# ttl'");
        }

        @Test
        void shouldLetALaterLineOverrideAnEarlierOne() {
            assertThat(parse("ttl = 5", "ttl = 7").ttl()).isEqualTo(7);
        }

        @Test
        void shouldAcceptWindowsLineEndings() {
            assertThat(parser.parse("ttl = 5\r\nloglevel = debug\r\n", "x").loglevel())
                    .isEqualTo("debug");
        }
    }

    @Nested
    class Types {
        @Test
        void shouldReadEveryValueType() {
            Config c = parse(
                    "collectives = mcollective, eu ,us",
                    "keeplogs = 0x10",
                    "default_batch_sleep_time = 2.5",
                    "daemonize = yes",
                    "logfile = /var/log/m.log",
                    "connector = ActiveMQ",
                    "loglevel = warn",
                    "rpclimitmethod = random",
                    "discovery_timeout = 4",
                    "logger_type = Console");
            assertThat(c.collectives()).containsExactly("mcollective", "eu", "us");
            assertThat(c.keeplogs()).isEqualTo(16);
            assertThat(c.defaultBatchSleepTime()).isEqualTo(2.5);
            assertThat(c.daemonize()).isTrue();
            assertThat(c.logfile()).contains(Path.of("/var/log/m.log"));
            assertThat(c.connector()).isEqualTo("activemq");
            assertThat(c.loglevel()).isEqualTo("warn");
            assertThat(c.rpclimitmethod()).isEqualTo("random");
            assertThat(c.discoveryTimeout()).contains(4);
            assertThat(c.loggerType()).isEqualTo("console");
        }

        @Test
        void shouldReadIntegersTheWayRubyIntegerDoes() {
            assertThat(parse("ttl = 017").ttl()).isEqualTo(15);
            assertThat(parse("ttl = 1_000").ttl()).isEqualTo(1000);
        }

        @Test
        void shouldReturnTheSameValueFromGetAsFromTheTypedGetter() {
            Config c = parse("ttl = 9", "connection_timeout = 3");
            assertThat(c.get(ConfigKey.TTL)).isEqualTo(9);
            assertThat(c.get(ConfigKey.CONNECTION_TIMEOUT)).isEqualTo(Optional.of(3));
            assertThat(c.get(ConfigKey.SOFT_SHUTDOWN_TIMEOUT)).isEqualTo(Optional.empty());
            assertThat(c.get(ConfigKey.LIBDIR)).isEqualTo(List.of());
        }

        @Test
        void shouldNotDeriveMainCollectiveFromCollectives() {
            Config c = parse("collectives = eu,us");
            assertThat(c.mainCollective()).isEqualTo("mcollective");
        }

        @Test
        void shouldAcceptDeprecatedKeysAndIgnoreThem() {
            Config c = parse(
                    "topicprefix = /topic/",
                    "topicsep = .",
                    "queueprefix = /queue/",
                    "rpchelptemplate = x",
                    "helptemplatedir = /x");
            assertThat(c.rawValue("topicprefix")).isEmpty();
        }
    }

    @Nested
    class Booleans {
        @Test
        void shouldAcceptMcollectiveTrueWordsInAnyCase() {
            for (String word : List.of("1", "yes", "TRUE", "y", "T", "Yes")) {
                assertThat(parse("color = " + word).color()).as(word).isTrue();
            }
        }

        @Test
        void shouldAcceptMcollectiveFalseWordsInAnyCase() {
            for (String word : List.of("0", "no", "False", "n", "F", "NO")) {
                assertThat(parse("direct_addressing = " + word).directAddressing())
                        .as(word)
                        .isFalse();
            }
        }

        @Test
        void shouldRejectAnyOtherWordNamingLineKeyAndValue() {
            assertThatThrownBy(() -> parse("ttl = 5", "daemonize = maybe"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("server.cfg:2: Cannot convert string value 'maybe' into a boolean."
                            + " (option 'daemonize')");
        }
    }

    @Nested
    class Libdir {
        @Test
        void shouldAccumulateRepeatedAndSeparatedLibdirs() {
            Config c = parse("libdir = /a:/b", "libdir = /c");
            assertThat(c.libdirs()).containsExactly(Path.of("/a"), Path.of("/b"), Path.of("/c"));
            assertThat(c.rawValue("libdir")).contains("/a:/b:/c");
        }

        @Test
        void shouldRejectARelativeLibdir() {
            assertThatThrownBy(() -> parse("# plugins", "libdir = /a:plugins"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("server.cfg:2: libdir paths should be absolute paths but 'plugins' is relative");
        }
    }

    @Nested
    class DefaultDiscoveryOptions {
        @Test
        void shouldCollectEveryOccurrenceInOrder() {
            Config c = parse("default_discovery_options = file=/tmp/nodes", "default_discovery_options = b");
            assertThat(c.defaultDiscoveryOptions()).containsExactly("file=/tmp/nodes", "b");
        }

        @Test
        void shouldDefaultToNoOptions() {
            assertThat(parse().defaultDiscoveryOptions()).isEmpty();
        }
    }

    @Nested
    class PluginSettings {
        @Test
        void shouldCollectPluginKeysWithoutThePrefix() {
            Config c =
                    parse("plugin.psk = secret", "plugin.psk.callertype = identity", "plugin.activemq.pool.size = 2");
            assertThat(c.pluginSettings())
                    .containsExactly(
                            Map.entry("psk", "secret"),
                            Map.entry("psk.callertype", "identity"),
                            Map.entry("activemq.pool.size", "2"));
            assertThat(c.rawValue("plugin.psk")).contains("secret");
        }

        @Test
        void shouldOverrideTheMainFileFromPluginD(@TempDir Path dir) throws IOException {
            Path cfg = dir.resolve("server.cfg");
            Files.writeString(cfg, "plugin.activemq.pool.size = 1\nplugin.activemq.pool.1.host = a\n");
            Files.createDirectory(dir.resolve("plugin.d"));
            Files.writeString(dir.resolve("plugin.d/activemq.cfg"), "# pool\npool.size = 2\npool.2.host=b\n");
            Files.writeString(dir.resolve("plugin.d/ignored.conf"), "x = y\n");
            Files.writeString(dir.resolve("plugin.d/bad-name.cfg"), "x = y\n");

            Config c = parser.parse(cfg);

            assertThat(c.plugin("activemq").all())
                    .containsExactly(
                            Map.entry("pool.size", "2"), Map.entry("pool.1.host", "a"), Map.entry("pool.2.host", "b"));
            assertThat(c.pluginSettings()).doesNotContainKeys("ignored.x", "bad-name.x");
            assertThat(c.configFile()).contains(cfg);
        }

        @Test
        void shouldNameThePluginDFileInAPluginValueError(@TempDir Path dir) throws IOException {
            Path cfg = dir.resolve("server.cfg");
            Files.writeString(cfg, "ttl = 60\n");
            Files.createDirectory(dir.resolve("plugin.d"));
            Files.writeString(dir.resolve("plugin.d/activemq.cfg"), "\npool.size = lots\n");

            Config c = parser.parse(cfg);

            assertThatThrownBy(() -> c.plugin("activemq").getInt("pool.size"))
                    .hasMessage(dir.resolve("plugin.d/activemq.cfg") + ":2: Could not parse value for configuration"
                            + " option 'plugin.activemq.pool.size' with value 'lots'");
        }
    }

    @Nested
    class Errors {
        @Test
        void shouldRejectAnUnknownKey() {
            assertThatThrownBy(() -> parse("ttl = 1", "", "foo = bar"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("server.cfg:3: Unknown config parameter 'foo'");
        }

        @Test
        void shouldRejectABadInteger() {
            assertThatThrownBy(() -> parse("# x", "", "ttl = abc"))
                    .hasMessage("server.cfg:3: Could not parse value for configuration option 'ttl' with value 'abc'");
        }

        @Test
        void shouldRejectABadFloat() {
            assertThatThrownBy(() -> parse("default_batch_sleep_time = 1."))
                    .hasMessage("server.cfg:1: Could not parse value for configuration option"
                            + " 'default_batch_sleep_time' with value '1.'");
        }

        @Test
        void shouldRejectAValueOutsideAnEnum() {
            assertThatThrownBy(() -> parse("loglevel = verbose"))
                    .hasMessage("server.cfg:1: Could not parse value for configuration option 'loglevel' with value"
                            + " 'verbose'; expected one of debug, info, warn, error, fatal");
            assertThatThrownBy(() -> parse("rpclimitmethod = First")).hasMessageContaining("'rpclimitmethod'");
        }

        @Test
        void shouldRejectAnIdentityWithForbiddenCharacters() {
            assertThatThrownBy(() -> parse("ttl = 1", "identity = web 1"))
                    .hasMessage("server.cfg:2: Identities can only match /\\w\\.\\-/ but identity is 'web 1'");
        }

        @Test
        void shouldRejectAnInvalidHostNameUsedAsDefaultIdentity() {
            assertThatThrownBy(() ->
                            new ConfigParser(Map.of()).withHostname("bad/host").parse("", "client.cfg"))
                    .hasMessage("client.cfg: Identities can only match /\\w\\.\\-/ but identity is 'bad/host'");
        }

        @Test
        void shouldReportAMissingFile(@TempDir Path dir) {
            Path missing = dir.resolve("server.cfg");
            assertThatThrownBy(() -> parser.parse(missing))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("Cannot find config file '" + missing + "'");
        }

        @Test
        void shouldNameTheFullPathOfAParsedFile(@TempDir Path dir) throws IOException {
            Path cfg = dir.resolve("server.cfg");
            Files.writeString(cfg, "ttl = 1\nfoo = 2\n");
            assertThatThrownBy(() -> parser.parse(cfg)).hasMessage(cfg + ":2: Unknown config parameter 'foo'");
        }
    }
}
