package mcollective.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import mcollective.testkit.InMemoryConnector;
import mcollective.testkit.LogCapture;

/** The watch that keeps a node from being alive but deaf, run by hand instead of every two seconds. */
class ConnectionWatchTest {
    static final String DEAD = "STOMP reader thread stomp-reader-1 ended: java.lang.InternalError: x";

    final InMemoryConnector connector = new InMemoryConnector();
    final List<String> deaf = new CopyOnWriteArrayList<>();
    volatile boolean stopping;
    final ConnectionWatch watch =
            new ConnectionWatch("unit.example.net", connector, () -> stopping, deaf::add, Duration.ofSeconds(1));
    LogCapture log;

    @BeforeEach
    void connect() {
        connector.connect(Optional.empty());
        log = LogCapture.of(ConnectionWatch.class);
    }

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Test
    void shouldLeaveAConnectionThatReceivesAlone() {
        watch.run();

        assertThat(connector.restarts()).isZero();
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void shouldRestartAConnectionThatStoppedReceivingAndSayWhyOnce() {
        connector.fail(DEAD);

        watch.run();
        watch.run();

        assertThat(connector.restarts()).isEqualTo(1);
        assertThat(connector.failure()).isEmpty();
        assertThat(log.lines())
                .containsExactly(
                        "ERROR Node unit.example.net cannot receive: " + DEAD + "; restarting the connection (1 of 3)",
                        "INFO Node unit.example.net restarted its connection and subscribed again");
        assertThat(deaf).isEmpty();
    }

    @Test
    void shouldDeclareTheNodeDeafOnceAfterThreeRestartsThatDidNotHelpAndKeepTrying() {
        connector.fail(DEAD);
        connector.refuseRestarts(Optional.of("Could not connect to ActiveMQ Server: refused"));

        for (int i = 0; i < 6; i++) {
            watch.run();
        }

        assertThat(deaf).containsExactly(DEAD);
        assertThat(connector.restarts()).isEqualTo(6);
        assertThat(log.messages(Level.ERROR))
                .containsExactly(
                        "Node unit.example.net cannot receive: " + DEAD + "; restarting the connection (1 of 3)",
                        "Node unit.example.net could not restart its connection: Could not connect to ActiveMQ Server: refused",
                        "Node unit.example.net cannot receive: " + DEAD + "; restarting the connection (2 of 3)",
                        "Node unit.example.net could not restart its connection: Could not connect to ActiveMQ Server: refused",
                        "Node unit.example.net cannot receive: " + DEAD + "; restarting the connection (3 of 3)",
                        "Node unit.example.net could not restart its connection: Could not connect to ActiveMQ Server: refused",
                        "Node unit.example.net cannot receive after 3 restarts of its connection: " + DEAD);

        connector.refuseRestarts(Optional.empty());
        watch.run();
        watch.run();
        assertThat(log.messages(Level.INFO)).containsExactly("Node unit.example.net receives again");
    }

    @Test
    void shouldCountOnlyFailuresInARow() {
        connector.fail(DEAD);
        for (int i = 0; i < 10; i++) {
            watch.run(); // fails, restarts; receives again
            watch.run();
            connector.fail(DEAD);
        }

        assertThat(deaf).isEmpty();
    }

    @Test
    void shouldEscapeTheReasonInTheLog() {
        connector.fail("ended: bad frame\nE, [2026-12-03T10:00:00.000000+00:00 #1] ERROR -- : forged");

        watch.run();

        assertThat(log.lines().get(0)).contains("ended: bad frame\\nE, [2026").doesNotContain("\n");
    }

    @Test
    void shouldDoNothingWhileTheNodeStops() {
        connector.fail(DEAD);
        stopping = true;

        watch.run();

        assertThat(connector.restarts()).isZero();
    }
}
