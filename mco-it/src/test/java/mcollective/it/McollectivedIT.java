package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.broker.EmbeddedBroker;
import mcollective.plugins.connector.stomp.StompClient;
import mcollective.plugins.connector.stomp.StompClientOptions;
import mcollective.plugins.connector.stomp.StompHost;
import mcollective.testkit.HostilePayloads;

/**
 * The daemon as a user runs it: a separate JVM started with {@code --config} and {@code --pidfile}, bringing its own
 * embedded broker; {@code mco ping} answers; SIGTERM stops it cleanly and removes the pidfile; no payload forges a
 * line in its logfile; it exits 1 rather than live on deaf.
 */
class McollectivedIT {
    @TempDir
    Path dir;

    @Test
    void shouldServeWithItsEmbeddedBrokerAndStopCleanlyOnSigterm() throws Exception {
        int port = freePort();
        Path pidfile = dir.resolve("node.pid");
        Process daemon = startDaemon(port, embeddedBroker(port), "--pidfile", pidfile.toString());
        try {
            assertThat(Files.readString(pidfile).strip()).isEqualTo(Long.toString(daemon.pid()));

            assertThat(ping(port).out()).startsWith("daemon.example.net ").contains("1 replies");

            daemon.destroy(); // SIGTERM
            assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
            assertThat(daemon.exitValue()).as("exit status after SIGTERM, as Ruby's").isZero();
            assertThat(pidfile).doesNotExist();
            assertThat(Files.readString(dir.resolve("node.log"))).contains("Node daemon.example.net stopped")
                    .doesNotContain("Exception");
        } finally {
            daemon.destroyForcibly();
        }
    }

    /**
     * Issue 8: a 66-byte payload whose Marshal Float text holds a line break and a complete ERROR line, sent over
     * the broker (broadcast and directed), leaves one escaped WARN line each in the logfile and no forged line.
     */
    @Test
    void shouldNotLetAFloatTextForgeALineInTheLogfile() throws Exception {
        int port = freePort();
        Process daemon = startDaemon(port, embeddedBroker(port));
        try (StompClient attacker = new StompClient(StompClientOptions.builder()
                .host(StompHost.plain("127.0.0.1", port, JavaFleet.USER, JavaFleet.PASSWORD)).build())) {
            attacker.connect();
            assertThat(ping(port).out()).contains("1 replies"); // the node is subscribed: a broadcast reaches it
            attacker.send("/topic/mcollective.discovery.agent", Map.of(), HostilePayloads.forgedLogLine());
            attacker.send("/queue/mcollective.nodes", Map.of("mc_identity", "daemon.example.net"),
                    HostilePayloads.forgedLogLine());

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(logLines())
                    .filteredOn(line -> line.contains("Rejecting a malformed message")).hasSize(2));
            assertThat(ping(port).out()).startsWith("daemon.example.net ").contains("1 replies");
            assertThat(logLines()).noneMatch(line -> line.startsWith(HostilePayloads.FORGED_LINE))
                    .filteredOn(line -> line.contains("Rejecting a malformed message")).hasSize(2)
                    .allMatch(line -> line.startsWith("W, [") && line.contains("WARN -- : RequestProcessor: ")
                            && line.contains("1.0\\n" + HostilePayloads.FORGED_LINE));
        } finally {
            daemon.destroyForcibly();
        }
    }

    /**
     * A daemon whose connection cannot be restarted (its broker is gone for good, and it gives up reconnecting
     * after one attempt) exits 1 for its supervisor, instead of living on deaf.
     */
    @Test
    void shouldExitOneWhenItsConnectionCannotBeRestarted() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.builder().host("127.0.0.1").port(0).user(JavaFleet.USER)
                .password(JavaFleet.PASSWORD).build()) {
            broker.start();
            Process daemon = startDaemon(broker.port(), List.of("plugin.activemq.max_reconnect_attempts = 1",
                    "plugin.activemq.initial_reconnect_delay = 0.05"));
            try {
                broker.stop();

                assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
                assertThat(daemon.exitValue()).isEqualTo(1);
                assertThat(logLines()).anySatisfy(line -> assertThat(line).startsWith("E, [")
                        .contains("Node daemon.example.net cannot receive after 3 restarts of its connection: "
                                + "gave up reconnecting: Could not connect to")
                        .contains("; now: restarting the connection failed: Could not connect to ActiveMQ Server"));
            } finally {
                daemon.destroyForcibly();
            }
        }
    }

    private static List<String> embeddedBroker(int port) {
        return List.of("plugin.broker.embedded = 1", "plugin.broker.port = " + port);
    }

    /**
     * Starts the daemon, connecting to the broker on {@code port}, with a file log and these extra settings, and
     * waits until it serves.
     */
    private Process startDaemon(int port, List<String> settings, String... options) throws IOException {
        Files.writeString(dir.resolve("facts.yaml"), "---\nplatform: centos\n");
        List<String> lines = new ArrayList<>(List.of(
                "identity = daemon.example.net",
                "connector = activemq",
                "plugin.activemq.pool.size = 1",
                "plugin.activemq.pool.1.host = 127.0.0.1",
                "plugin.activemq.pool.1.port = " + port,
                "plugin.activemq.pool.1.user = " + JavaFleet.USER,
                "plugin.activemq.pool.1.password = " + JavaFleet.PASSWORD,
                "securityprovider = psk",
                "plugin.psk = " + JavaFleet.PSK,
                "plugin.yaml = " + dir.resolve("facts.yaml"),
                "classesfile = " + dir.resolve("classes.txt"),
                "logger_type = file",
                "logfile = " + dir.resolve("node.log"),
                "loglevel = info"));
        lines.addAll(settings);
        Path config = Files.write(dir.resolve("server.cfg"), lines);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "mcollective.server.Mcollectived",
                "--config", config.toString()));
        command.addAll(List.of(options));
        Process daemon = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> logLines().stream()
                    .anyMatch(line -> line.contains("started: identity daemon.example.net")));
        } catch (RuntimeException | Error e) {
            daemon.destroyForcibly();
            throw e;
        }
        return daemon;
    }

    private McoRun ping(int port) throws IOException {
        Path clientCfg = Files.write(dir.resolve("client.cfg"), List.of(
                "connector = activemq", "plugin.activemq.pool.size = 1",
                "plugin.activemq.pool.1.host = 127.0.0.1", "plugin.activemq.pool.1.port = " + port,
                "plugin.activemq.pool.1.user = " + JavaFleet.USER,
                "plugin.activemq.pool.1.password = " + JavaFleet.PASSWORD,
                "securityprovider = psk", "plugin.psk = " + JavaFleet.PSK));
        return McoRun.run("ping", "-c", clientCfg.toString(), "--expect", "1", "-t", "10");
    }

    private List<String> logLines() throws IOException {
        Path log = dir.resolve("node.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void shouldRefuseToStartOnAnUnknownPluginNamingTheAvailableOnes() throws IOException, InterruptedException {
        Path config = Files.write(dir.resolve("server.cfg"), List.of("connector = stompx", "plugin.psk = x",
                "logger_type = console"));
        Process daemon = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "mcollective.server.Mcollectived",
                "--config", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.log").toFile()).start();

        assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(daemon.exitValue()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("out.log")))
                .contains("No connector plugin 'stompx'; available: [activemq]");
        assertThat(new File(dir.toFile(), "out.log").length()).isLessThan(2000);
    }
}
