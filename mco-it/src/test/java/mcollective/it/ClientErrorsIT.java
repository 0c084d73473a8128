package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import mcollective.testkit.LocalPort;
import mcollective.testkit.McoResult;
import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.WithFleet;

/** Broker mistakes a user makes: one clear line and MCollective's exit code, no hang, no stack trace. */
@WithFleet
class ClientErrorsIT {
    Fleet fleet;

    @Test
    void shouldExplainAWrongBrokerPasswordInOneLine() {
        Path cfg = fleet.clientConfig("wrong.cfg", "plugin.activemq.pool.1.password = not-the-password");

        McoResult run = fleet.mco(cfg, "ping");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err())
                .startsWith("\nThe ping application failed to run, use -v for full error backtrace "
                        + "details: Could not connect to ActiveMQ Server: ")
                .doesNotContain("\tat ", "Exception");
    }

    @Test
    void shouldGiveUpOnAMissingBrokerInsteadOfHanging() {
        Path cfg = fleet.clientConfig(
                "nobroker.cfg", "plugin.activemq.pool.1.port = " + LocalPort.free(), "connection_timeout = 2");
        long start = System.nanoTime();

        McoResult run = fleet.mco(cfg, "find");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err())
                .contains("The find application failed to run")
                .contains("Could not connect to ActiveMQ Server");
        assertThat((System.nanoTime() - start) / 1e9).as("seconds").isLessThan(30);
    }

    @Test
    void shouldNameAnUnknownConfigKeyWithFileAndLine() throws IOException {
        Path cfg = fleet.clientConfig("typo.cfg", "colour = 1");
        int line = Files.readAllLines(cfg).indexOf("colour = 1") + 1;

        McoResult run = fleet.mco(cfg, "ping");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(cfg + ":" + line + ": Unknown config parameter 'colour'");
    }
}
