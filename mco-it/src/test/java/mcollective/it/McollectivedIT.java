package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.broker.EmbeddedBroker;
import mcollective.plugins.connector.stomp.StompClient;
import mcollective.plugins.connector.stomp.StompClientOptions;
import mcollective.plugins.connector.stomp.StompHost;
import mcollective.testkit.BrokerAddress;
import mcollective.testkit.ClientCfg;
import mcollective.testkit.HostilePayloads;
import mcollective.testkit.JavaDaemon;
import mcollective.testkit.ServerCfg;

/**
 * The daemon as a user runs it: {@code bin/mcollectived} with {@code --config} and {@code --pidfile}, bringing its own
 * embedded broker; {@code mco ping} answers; SIGTERM stops it cleanly and removes the pidfile; no payload forges a
 * line in its logfile; it exits 1 rather than live on deaf.
 */
class McollectivedIT {
    @TempDir
    Path dir;

    @Test
    void shouldServeWithItsEmbeddedBrokerAndStopCleanlyOnSigterm() throws Exception {
        int port = SignalsIT.closedPort();
        Path pidfile = dir.resolve("node.pid");
        try (JavaDaemon daemon = startDaemon(port, embeddedBroker(port))) {
            assertThat(Files.readString(pidfile).strip()).isEqualTo(Long.toString(daemon.pid()));

            assertThat(ping(port).out()).startsWith("daemon.example.net ").contains("1 replies");

            daemon.signal("TERM");
            assertThat(daemon.waitFor(Duration.ofSeconds(30)))
                    .as("stopped after SIGTERM")
                    .isTrue();
            assertThat(daemon.exitValue())
                    .as("exit status after SIGTERM, as Ruby's")
                    .isZero();
            assertThat(pidfile).doesNotExist();
            assertThat(Files.readString(dir.resolve("node.log")))
                    .contains("Node daemon.example.net stopped")
                    .doesNotContain("Exception");
        }
    }

    /**
     * Issue 8: a 66-byte payload whose Marshal Float text holds a line break and a complete ERROR line, sent over
     * the broker (broadcast and directed), leaves one escaped WARN line each in the logfile and no forged line.
     */
    @Test
    void shouldNotLetAFloatTextForgeALineInTheLogfile() throws Exception {
        int port = SignalsIT.closedPort();
        try (JavaDaemon daemon = startDaemon(port, embeddedBroker(port));
                StompClient attacker = new StompClient(StompClientOptions.builder()
                        .host(StompHost.plain("127.0.0.1", port, JavaFleet.USER, JavaFleet.PASSWORD))
                        .build())) {
            attacker.connect();
            assertThat(ping(port).out()).contains("1 replies"); // the node is subscribed: a broadcast reaches it
            attacker.send("/topic/mcollective.discovery.agent", Map.of(), HostilePayloads.forgedLogLine());
            attacker.send(
                    "/queue/mcollective.nodes",
                    Map.of("mc_identity", "daemon.example.net"),
                    HostilePayloads.forgedLogLine());

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(logLines())
                            .filteredOn(line -> line.contains("Rejecting a malformed message"))
                            .hasSize(2));
            assertThat(ping(port).out()).startsWith("daemon.example.net ").contains("1 replies");
            assertThat(logLines())
                    .noneMatch(line -> line.startsWith(HostilePayloads.FORGED_LINE))
                    .filteredOn(line -> line.contains("Rejecting a malformed message"))
                    .hasSize(2)
                    .allMatch(line -> line.startsWith("W, [")
                            && line.contains("WARN -- : RequestProcessor: ")
                            && line.contains("1.0\\n" + HostilePayloads.FORGED_LINE));
        }
    }

    /**
     * A daemon whose connection cannot be restarted (its broker is gone for good, and it gives up reconnecting
     * after one attempt) exits 1 for its supervisor, instead of living on deaf.
     */
    @Test
    void shouldExitOneWhenItsConnectionCannotBeRestarted() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.builder()
                .host("127.0.0.1")
                .port(0)
                .user(JavaFleet.USER)
                .password(JavaFleet.PASSWORD)
                .build()) {
            broker.start();
            try (JavaDaemon daemon = startDaemon(
                    broker.port(),
                    List.of(
                            "plugin.activemq.max_reconnect_attempts = 1",
                            "plugin.activemq.initial_reconnect_delay = 0.05"))) {
                broker.stop();

                assertThat(daemon.waitFor(Duration.ofSeconds(60))).as("exited").isTrue();
                assertThat(daemon.exitValue()).isEqualTo(1);
                assertThat(logLines())
                        .anySatisfy(
                                line -> assertThat(line)
                                        .startsWith("E, [")
                                        .contains(
                                                "Node daemon.example.net cannot receive after 3 restarts of its connection: "
                                                        + "gave up reconnecting: Could not connect to")
                                        .contains(
                                                "; now: restarting the connection failed: Could not connect to ActiveMQ Server"));
            }
        }
    }

    private static List<String> embeddedBroker(int port) {
        return List.of("plugin.broker.embedded = 1", "plugin.broker.port = " + port);
    }

    /**
     * Starts {@code bin/mcollectived} with a pidfile, connecting to the broker on {@code port}, with a file log and
     * these extra settings, and waits until it serves.
     */
    private JavaDaemon startDaemon(int port, List<String> settings) throws IOException {
        Files.writeString(dir.resolve("facts.yaml"), "---\nplatform: centos\n");
        ServerCfg server = ServerCfg.builder("daemon.example.net", broker(port))
                .psk(JavaFleet.PSK)
                .libdir(Files.createDirectories(dir.resolve("lib")))
                .factsFile(dir.resolve("facts.yaml"))
                .classesFile(dir.resolve("classes.txt"))
                .logFile(dir.resolve("node.log"))
                .extra(settings)
                .build();
        Path config = Files.writeString(dir.resolve("server.cfg"), server.text());
        JavaDaemon daemon = JavaDaemon.start(config, dir.resolve("node.pid"), dir.resolve("stdout.log"));
        try {
            daemon.awaitLog(dir.resolve("node.log"), "started: identity daemon.example.net");
        } catch (RuntimeException | Error e) {
            daemon.close();
            throw e;
        }
        return daemon;
    }

    private McoRun ping(int port) throws IOException {
        Path clientCfg = Files.writeString(
                dir.resolve("client.cfg"),
                ClientCfg.builder(broker(port)).psk(JavaFleet.PSK).build().text());
        return McoRun.run("ping", "-c", clientCfg.toString(), "--expect", "1", "-t", "10");
    }

    private static BrokerAddress broker(int port) {
        return BrokerAddress.local(port, JavaFleet.USER, JavaFleet.PASSWORD);
    }

    private List<String> logLines() throws IOException {
        Path log = dir.resolve("node.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void shouldRefuseToStartOnAnUnknownPluginNamingTheAvailableOnes() throws IOException, InterruptedException {
        Path config = Files.write(
                dir.resolve("server.cfg"), List.of("connector = stompx", "plugin.psk = x", "logger_type = console"));
        try (JavaDaemon daemon = JavaDaemon.start(config, dir.resolve("node.pid"), dir.resolve("out.log"))) {
            assertThat(daemon.waitFor(Duration.ofSeconds(60))).isTrue();
            assertThat(daemon.exitValue()).isEqualTo(1);
            assertThat(daemon.output()).contains("No connector plugin 'stompx'; available: [activemq]");
            assertThat(dir.resolve("out.log").toFile().length()).isLessThan(2000);
        }
    }
}
