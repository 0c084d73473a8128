package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import mcollective.testkit.fleet.Fleet;

/** Stop and restart the broker under running nodes: they reconnect by themselves and answer again. */
@ThreeJavaNodes
class BrokerRestartIT {
    Fleet fleet;

    @Test
    void shouldAnswerPingAgainAfterTheBrokerComesBack() {
        assertThat(fleet.mco("ping", "-t", "2", "--expect", "3").out()).contains("3 replies");

        fleet.stopBroker();
        fleet.startBroker();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(
                                fleet.mco("ping", "-t", "2", "--expect", "3").out())
                        .contains("3 replies"));
    }
}
