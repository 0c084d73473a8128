package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stop and restart the broker under running nodes: they reconnect by themselves and answer again. */
class BrokerRestartIT {
    @TempDir
    Path dir;

    @Test
    void shouldAnswerPingAgainAfterTheBrokerComesBack() {
        try (JavaFleet fleet = new JavaFleet(dir).startStandardNodes()) {
            String cfg = fleet.clientConfig("client.cfg").toString();
            assertThat(McoRun.run("ping", "-c", cfg, "-t", "2", "--expect", "3").out())
                    .contains("3 replies");

            int port = fleet.port();
            fleet.stopBroker();
            fleet.startBroker(port);

            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(McoRun.run("ping", "-c", cfg, "-t", "2", "--expect", "3")
                                    .out())
                            .contains("3 replies"));
        }
    }
}
