package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as a user runs it: a separate JVM started with {@code --config} and {@code --pidfile}, bringing its own
 * embedded broker; {@code mco ping} answers; SIGTERM stops it cleanly and removes the pidfile.
 */
class McollectivedIT {
    @TempDir
    Path dir;

    @Test
    void shouldServeWithItsEmbeddedBrokerAndStopCleanlyOnSigterm() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Files.writeString(dir.resolve("facts.yaml"), "---\nplatform: centos\n");
        Path config = Files.write(dir.resolve("server.cfg"), List.of(
                "identity = daemon.example.net",
                "plugin.broker.embedded = 1",
                "plugin.broker.port = " + port,
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
        Path pidfile = dir.resolve("node.pid");
        Process daemon = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "mcollective.server.Mcollectived",
                "--config", config.toString(), "--pidfile", pidfile.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(dir.resolve("node.log"))
                    && Files.readString(dir.resolve("node.log")).contains("started: identity daemon.example.net"));
            assertThat(Files.readString(pidfile).strip()).isEqualTo(Long.toString(daemon.pid()));

            Path clientCfg = Files.write(dir.resolve("client.cfg"), List.of(
                    "connector = activemq", "plugin.activemq.pool.size = 1",
                    "plugin.activemq.pool.1.host = 127.0.0.1", "plugin.activemq.pool.1.port = " + port,
                    "plugin.activemq.pool.1.user = " + JavaFleet.USER,
                    "plugin.activemq.pool.1.password = " + JavaFleet.PASSWORD,
                    "securityprovider = psk", "plugin.psk = " + JavaFleet.PSK));
            McoRun ping = McoRun.run("ping", "-c", clientCfg.toString(), "--expect", "1", "-t", "10");
            assertThat(ping.out()).startsWith("daemon.example.net ").contains("1 replies");

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
