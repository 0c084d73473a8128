package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broker mistakes a user makes: one clear line and MCollective's exit code, no hang, no stack trace. */
class ClientErrorsIT {
    @TempDir
    Path dir;

    @Test
    void shouldExplainAWrongBrokerPasswordInOneLine() {
        try (JavaFleet fleet = new JavaFleet(dir)) {
            Path cfg = fleet.clientConfig("wrong.cfg", "plugin.activemq.pool.1.password = not-the-password");

            McoRun run = McoRun.run("ping", "-c", cfg.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().strip().lines()).hasSize(1);
            assertThat(run.err())
                    .startsWith("\nThe ping application failed to run, use -v for full error backtrace "
                            + "details: Could not connect to ActiveMQ Server: ")
                    .doesNotContain("\tat ", "Exception");
        }
    }

    @Test
    void shouldGiveUpOnAMissingBrokerInsteadOfHanging() throws IOException {
        int unused;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            unused = socket.getLocalPort();
        }
        try (JavaFleet fleet = new JavaFleet(dir)) {
            Path cfg = fleet.clientConfig(
                    "nobroker.cfg", "plugin.activemq.pool.1.port = " + unused, "connection_timeout = 2");
            long start = System.nanoTime();

            McoRun run = McoRun.run("find", "-c", cfg.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().strip().lines()).hasSize(1);
            assertThat(run.err())
                    .contains("The find application failed to run")
                    .contains("Could not connect to ActiveMQ Server");
            assertThat((System.nanoTime() - start) / 1e9).as("seconds").isLessThan(30);
        }
    }

    @Test
    void shouldNameAnUnknownConfigKeyWithFileAndLine() {
        try (JavaFleet fleet = new JavaFleet(dir)) {
            Path cfg = fleet.clientConfig("typo.cfg", "colour = 1");

            McoRun run = McoRun.run("ping", "-c", cfg.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains(cfg + ":14: Unknown config parameter 'colour'");
        }
    }
}
