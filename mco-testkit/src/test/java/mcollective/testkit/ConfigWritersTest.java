package mcollective.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.McollectiveException;

class ConfigWritersTest {
    private static final BrokerAddress BROKER = BrokerAddress.local(61999, "u", "p");

    @Nested
    class Server {
        @Test
        void shouldWriteTheKeysANodeNeedsToJoinTheFleet() {
            ServerCfg cfg = ServerCfg.builder("node1", BROKER)
                    .collectives(List.of("eu", "mcollective"))
                    .psk("k")
                    .factsFile(Path.of("/f/facts.yaml"))
                    .classesFile(Path.of("/f/classes.txt"))
                    .logFile(Path.of("/f/node.log"))
                    .logLevel("debug")
                    .extra(List.of("plugin.activemq.heartbeat_interval = 30"))
                    .build();

            assertThat(cfg.lines())
                    .contains(
                            "identity = node1",
                            "main_collective = eu",
                            "collectives = eu,mcollective",
                            "connector = activemq",
                            "plugin.activemq.pool.1.port = 61999",
                            "plugin.activemq.pool.1.user = u",
                            "plugin.activemq.pool.1.password = p",
                            "securityprovider = psk",
                            "plugin.psk = k",
                            "factsource = yaml",
                            "plugin.yaml = /f/facts.yaml",
                            "classesfile = /f/classes.txt",
                            "logger_type = file",
                            "logfile = /f/node.log",
                            "loglevel = debug",
                            "libdir = /usr/share/mcollective/plugins");
            assertThat(cfg.lines()).last().isEqualTo("plugin.activemq.heartbeat_interval = 30");
            assertThat(cfg.text()).endsWith("\n");
        }

        @Test
        void shouldLogToTheConsoleWithoutALogFile() {
            assertThat(ServerCfg.builder("n", BROKER).build().lines())
                    .contains("logger_type = console")
                    .noneMatch(line -> line.startsWith("factsource"));
        }

        @Test
        void shouldRefuseANodeWithoutCollectives() {
            assertThatThrownBy(() -> ServerCfg.builder("node9", BROKER).collectives(List.of()))
                    .isInstanceOf(McollectiveException.class)
                    .hasMessageContaining("node9");
        }
    }

    @Nested
    class Client {
        @Test
        void shouldShareTheBrokerAndPskAndTurnColourOff() {
            ClientCfg cfg = ClientCfg.builder(BROKER).psk("k").build();

            assertThat(cfg.lines())
                    .contains(
                            "plugin.activemq.pool.1.host = 127.0.0.1",
                            "plugin.psk = k",
                            "loglevel = warn",
                            "color = 0",
                            "main_collective = mcollective");
        }

        @Test
        void shouldLeaveTheLibdirOutWhenAskedSoAJavaClientUsesItsOwnDdls() {
            assertThat(ClientCfg.builder(BROKER)
                            .libdir(Path.of("/x"))
                            .noLibdir()
                            .build()
                            .lines())
                    .noneMatch(line -> line.startsWith("libdir"));
        }

        @Test
        void shouldRefuseAClientWithoutCollectives() {
            assertThatThrownBy(() -> ClientCfg.builder(BROKER).collectives(List.of()))
                    .isInstanceOf(McollectiveException.class)
                    .hasMessage("A client needs at least one collective");
        }
    }

    @Nested
    class Files_ {
        @Test
        void shouldWriteFactsThatRubyReadsBackUnchanged(@TempDir Path dir) throws Exception {
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("platform", "centos");
            facts.put("motd", "say \"hi\": \\ back\tslash");
            facts.put("odd key", "yes");
            facts.put("number", "42");
            Path file = FleetDir.at(dir).writeFacts(dir.resolve("facts.yaml"), facts);

            String parsed = ruby(
                    "require 'yaml'; YAML.load_file(ARGV[0]).each { |k, v| puts \"#{k}=#{v.inspect}\" }",
                    file.toString());

            assertThat(parsed.lines())
                    .containsExactly(
                            "platform=\"centos\"",
                            "motd=\"say \\\"hi\\\": \\\\ back\\tslash\"",
                            "odd key=\"yes\"",
                            "number=\"42\"");
        }

        @Test
        void shouldPutEachNodeInItsOwnDirectory(@TempDir Path dir) throws IOException {
            FleetDir fleet = FleetDir.at(dir);

            Path cfg = fleet.writeServer(ServerCfg.builder("node1", BROKER).build());

            assertThat(cfg).isEqualTo(dir.resolve("node1/server.cfg"));
            assertThat(Files.readString(cfg)).contains("identity = node1");
        }

        @Test
        void shouldDeleteATemporaryFleetOnClose() {
            FleetDir fleet = FleetDir.temporary();
            fleet.writeClient(ClientCfg.builder(BROKER).build());
            fleet.rubyOpt();

            fleet.close();

            assertThat(fleet.root()).doesNotExist();
        }

        @Test
        void shouldLoadTheShimThatRestoresPositionalSafeLoad(@TempDir Path dir) throws Exception {
            String opt = FleetDir.at(dir).rubyOpt();

            String out = ruby("puts YAML.safe_load(\":a: 1\", [Symbol], [], true).inspect", opt);

            assertThat(out.strip()).isEqualTo("{:a=>1}");
        }
    }

    private static String ruby(String script, String arg) throws IOException, InterruptedException {
        RubyEnvironment.require();
        List<String> command =
                arg.startsWith("-r") ? List.of("ruby", arg, "-e", script) : List.of("ruby", "-e", script, arg);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
