package mcollective.plugins.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.McollectiveException;
import mcollective.config.Config;
import mcollective.config.ConfigException;
import mcollective.plugin.PluginRegistry;
import mcollective.spi.FactSource;
import mcollective.spi.PluginContext;
import mcollective.testkit.LogCapture;

class OhaiFactSourceTest {
    static byte[] sample() throws IOException {
        try (InputStream in = OhaiFactSourceTest.class.getResourceAsStream("/ohai/ohai-sample.json")) {
            return in.readAllBytes();
        }
    }

    static Map<String, Object> flatten(String json, String... whitelist) {
        return new OhaiFlattener(List.of(whitelist)).flatten(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldBeFoundByItsName() {
        FactSource found =
                PluginRegistry.discover().create(FactSource.class, "ohai", context("plugin.ohai.command", "true"));
        try {
            assertThat(found).isInstanceOf(OhaiFactSource.class);
        } finally {
            ((OhaiFactSource) found).close();
        }
    }

    @Nested
    class Flattening {
        @Test
        void shouldTurnTheSampleInto318DottedFacts() throws IOException {
            Map<String, Object> facts = new OhaiFlattener(List.of()).flatten(sample());

            assertThat(facts)
                    .hasSize(318)
                    .contains(
                            entry("hostname", "vm"),
                            entry("platform", "debian"),
                            entry("platform_version", "12"),
                            entry("cpu.total", "2"),
                            entry("virtualization.system", "docker"),
                            entry("virtualization.role", "host"),
                            entry("chef_packages.ohai.version", "16.13.0"));
            assertThat(facts.values()).allMatch(String.class::isInstance);
        }

        @Test
        void shouldDropArraysNullsAndBooleans() throws IOException {
            Map<String, Object> facts = new OhaiFlattener(List.of()).flatten(sample());

            assertThat(facts)
                    .doesNotContainKeys(
                            "shells",
                            "domain",
                            "cloud",
                            "fips.kernel.enabled",
                            "cpu.0.flags",
                            "network.interfaces.eth0.routes");
            assertThat(flatten("{\"a\":[1,{\"x\":\"y\"}],\"b\":null,\"c\":true,\"d\":{\"e\":false,\"f\":\"x\"},"
                            + "\"g\":{}}"))
                    .containsExactly(entry("d.f", "x"));
        }

        @Test
        void shouldPrintNumbersAsRubyToSDoes() throws IOException {
            assertThat(new OhaiFlattener(List.of()).flatten(sample()))
                    .contains(entry("uptime_seconds", "855"), entry("ohai_time", "1795583966.0022552"));
            assertThat(flatten("{\"a\":1.0,\"b\":1e20,\"c\":-0,\"d\":12345678901234567890,\"e\":0.0001,\"f\":-2}"))
                    .containsExactly(
                            entry("a", "1.0"),
                            entry("b", "1.0e+20"),
                            entry("c", "0"),
                            entry("d", "12345678901234567890"),
                            entry("e", "0.0001"),
                            entry("f", "-2"));
        }

        @Test
        void shouldKeepOnlyKeysEqualToOrUnderAWhitelistedPrefix() throws IOException {
            Map<String, Object> facts =
                    new OhaiFlattener(List.of("platform", "cpu", "virtualization")).flatten(sample());

            assertThat(facts)
                    .containsEntry("platform", "debian")
                    .containsEntry("cpu.total", "2")
                    .containsEntry("virtualization.systems.docker", "host")
                    .doesNotContainKeys("platform_version", "platform_family", "hostname");
            assertThat(facts.keySet())
                    .allMatch(k -> k.equals("platform") || k.startsWith("cpu.") || k.startsWith("virtualization."));
        }

        @Test
        void shouldRefuseAnythingButOneJsonObject() {
            assertThatThrownBy(() -> flatten("[1]"))
                    .isInstanceOf(McollectiveException.class)
                    .hasMessage("output is not a JSON object (starts with '[')");
            assertThatThrownBy(() -> flatten("")).hasMessage("output is not a JSON object (starts with nothing)");
            assertThatThrownBy(() -> flatten("\"debian\"")).hasMessageStartingWith("output is not a JSON object");
            assertThatThrownBy(() -> flatten("garbage"))
                    .hasMessageStartingWith("output is not valid JSON: ")
                    .hasMessageContaining("at line 1, column");
            assertThatThrownBy(() -> flatten("{\"a\":\"b\"} {}")).hasMessage("output has more after the JSON object");
            assertThatThrownBy(() -> flatten("{\"a\":")).hasMessageStartingWith("output is not valid JSON: ");
        }
    }

    @Nested
    class Settings {
        @Test
        void shouldSplitTheCommandOnWhitespace() {
            assertThat(OhaiFactSource.parseCommand("  /usr/bin/ohai\tplatform  cpu "))
                    .containsExactly("/usr/bin/ohai", "platform", "cpu");
            assertThatThrownBy(() -> OhaiFactSource.parseCommand("  "))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("plugin.ohai.command is empty");
        }

        @Test
        void shouldSplitTheWhitelistOnCommas() {
            assertThat(FactWhitelist.parse("platform, cpu,,virtualization "))
                    .containsExactly("platform", "cpu", "virtualization");
            assertThat(FactWhitelist.parse("")).isEmpty();
        }

        @Test
        void shouldRefuseANonPositiveTimeout() {
            OhaiFactSource source = new OhaiFactSource();
            assertThatThrownBy(() -> source.init(context("plugin.ohai.timeout", "0")))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("plugin.ohai.timeout must be a positive number of seconds, not 0");
        }
    }

    @Nested
    class Command {
        @TempDir
        Path dir;

        Path script;
        final List<OhaiFactSource> sources = new ArrayList<>();
        final LogCapture log = LogCapture.of(OhaiFactSource.class);

        /** A stand-in for ohai whose behaviour is chosen by the file {@code mode}. */
        @BeforeEach
        void writeStandIn() throws IOException {
            script = dir.resolve("fake-ohai");
            Files.writeString(script, """
                    #!/bin/sh
                    cd "$(dirname "$0")"
                    case "$(cat mode)" in
                      json) cat out.json ;;
                      fail) echo "" >&2; echo "fake-ohai: disk on fire" >&2; echo "second line" >&2; exit 1 ;;
                      garbage) echo "this is not json" ;;
                      empty) echo "{}" ;;
                      huge) head -c 17000000 /dev/zero ;;
                      sleep) sleep 30 ;;
                    esac
                    """);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            output("{\"platform\":\"debian\",\"cpu\":{\"total\":2},\"tags\":[\"a\"]}");
            mode("json");
        }

        @AfterEach
        void stop() {
            sources.forEach(OhaiFactSource::close);
            log.close();
        }

        void mode(String mode) throws IOException {
            Files.writeString(dir.resolve("mode"), mode);
        }

        void output(String json) throws IOException {
            Files.writeString(dir.resolve("out.json"), json);
        }

        OhaiFactSource start(String factCacheTime, String... settings) {
            List<String> all = new ArrayList<>(List.of(
                    "fact_cache_time",
                    factCacheTime,
                    "plugin.ohai.command",
                    script.toString(),
                    "plugin.ohai.timeout",
                    "1"));
            all.addAll(List.of(settings));
            OhaiFactSource source = new OhaiFactSource();
            sources.add(source);
            source.init(context(all.toArray(String[]::new)));
            return source;
        }

        @Test
        void shouldHaveTheCommandsFactsAsSoonAsItStarted() {
            OhaiFactSource source = start("300");

            assertThat(source.facts()).containsExactly(entry("platform", "debian"), entry("cpu.total", "2"));
            assertThat(source.fact("cpu.total")).contains("2");
            assertThat(log.messages(Level.ERROR)).isEmpty();
        }

        @Test
        void shouldApplyTheWhitelist() {
            assertThat(start("300", "plugin.ohai.whitelist", "cpu").facts()).containsExactly(entry("cpu.total", "2"));
        }

        @Test
        void shouldKeepTheLastGoodFactsAndLogOneLinePerFailedRun() throws IOException {
            OhaiFactSource source = start("300");
            Map<String, Object> good = source.facts();

            mode("fail");
            assertThat(source.refresh()).isFalse();
            mode("garbage");
            assertThat(source.refresh()).isFalse();
            mode("empty");
            assertThat(source.refresh()).isFalse();

            assertThat(source.facts()).isEqualTo(good);
            String prefix = "Failed to load facts from '" + script + "': ";
            assertThat(log.messages(Level.ERROR))
                    .containsExactly(
                            prefix
                                    + "exited with status 1; stderr: fake-ohai: disk on fire; keeping the 2 facts of the "
                                    + "last good run",
                            prefix + "output is not valid JSON: Unrecognized token 'this': was expecting (JSON String, "
                                    + "Number, Array, Object or token 'null', 'true' or 'false') at line 1, column 1; "
                                    + "keeping the 2 facts of the last good run",
                            prefix + "printed no string or number facts; keeping the 2 facts of the last good run");
        }

        @Test
        void shouldKillARunThatTakesLongerThanTheTimeout() throws IOException {
            OhaiFactSource source = start("300");
            mode("sleep");

            assertThat(source.refresh()).isFalse();

            assertThat(log.messages(Level.ERROR))
                    .singleElement()
                    .asString()
                    // The shell may or may not report its killed child on stderr before it dies itself.
                    .contains("timed out after 1 s and was killed; ")
                    .endsWith("keeping the 2 facts of the last good run");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> ProcessHandle.current()
                            .descendants()
                            .noneMatch(p -> p.info().commandLine().orElse("").contains("sleep 30")));
        }

        @Test
        void shouldRefuseOutputOverTheLimit() throws IOException {
            OhaiFactSource source = start("300");
            mode("huge");

            assertThat(source.refresh()).isFalse();

            assertThat(log.messages(Level.ERROR))
                    .singleElement()
                    .asString()
                    .contains("printed more than 16777216 bytes; " + "output refused; keeping the 2 facts");
        }

        @Test
        void shouldSayWhenTheCommandCannotBeStarted() {
            script = dir.resolve("no-such-ohai");

            OhaiFactSource source = start("300");

            assertThat(source.facts()).isEmpty();
            assertThat(log.messages(Level.ERROR))
                    .singleElement()
                    .asString()
                    .startsWith("Failed to load facts from '" + script + "': could not be started: Cannot run program")
                    .endsWith("; there are no facts yet");
        }

        @Test
        void shouldStartWithoutFactsAndPickThemUpWhenTheCommandRecovers() throws IOException {
            mode("fail");
            OhaiFactSource source = start("1");
            assertThat(source.facts()).isEmpty();
            assertThat(log.messages(Level.ERROR)).hasSize(1).allMatch(l -> l.endsWith("there are no facts yet"));

            mode("json");

            await().atMost(Duration.ofSeconds(10)).until(() -> !source.facts().isEmpty());
            assertThat(source.facts()).containsEntry("platform", "debian");
        }

        @Test
        void shouldRefreshInTheBackgroundEveryFactCacheTime() throws IOException {
            OhaiFactSource source = start("1");
            assertThat(source.facts()).containsEntry("platform", "debian");

            output("{\"platform\":\"ubuntu\"}");

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> "ubuntu".equals(source.facts().get("platform")));
            assertThat(source.facts()).containsExactly(entry("platform", "ubuntu"));
            assertThat(Thread.getAllStackTraces().keySet())
                    .anyMatch(t -> t.getName().equals("ohai-facts") && t.isDaemon());
        }

        @Test
        void shouldStopItsThreadWhenClosed() {
            OhaiFactSource source = start("1");

            sources.forEach(OhaiFactSource::close);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Thread.getAllStackTraces().keySet().stream()
                            .noneMatch(t -> t.getName().equals("ohai-facts")));
            assertThat(source.facts()).containsEntry("platform", "debian");
        }
    }

    static PluginContext context(String... settings) {
        var builder = Config.builder().set("identity", "ohai.example.net").environment(Map.of());
        for (int i = 0; i < settings.length; i += 2) {
            builder.set(settings[i], settings[i + 1]);
        }
        return new PluginContext(
                builder.build(),
                "ohai",
                PluginRegistry.builder().autoDiscover(false).build(),
                Clock.systemUTC(),
                Map.of(),
                Map.of());
    }
}
