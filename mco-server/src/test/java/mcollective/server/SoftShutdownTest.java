package mcollective.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import mcollective.testkit.LogCapture;

class SoftShutdownTest {
    final ExecutorService workers = Executors.newFixedThreadPool(2);
    final Logger logger = (Logger) LoggerFactory.getLogger(SoftShutdown.class);
    LogCapture log;

    @BeforeEach
    void captureDebug() {
        logger.setLevel(Level.DEBUG);
        log = LogCapture.of(SoftShutdown.class);
    }

    @AfterEach
    void cleanUp() {
        workers.shutdownNow();
        log.close();
        logger.setLevel(null);
    }

    @Test
    void shouldLetARunningRequestFinishWithoutATimeout() throws InterruptedException {
        AtomicBoolean finished = new AtomicBoolean();
        CountDownLatch running = new CountDownLatch(1);
        workers.submit(() -> {
            running.countDown();
            sleep(Duration.ofMillis(300));
            finished.set(true);
        });
        running.await();

        assertThat(SoftShutdown.await(workers, Optional.empty())).isTrue();

        assertThat(finished).isTrue();
        assertThat(log.messages(Level.DEBUG))
                .containsExactly(
                        "Waiting for all running agents to finish or timeout.",
                        "All running agents have completed. Stopping.");
    }

    @Test
    void shouldStopWaitingAtTheTimeoutWithRubysWarning() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        workers.submit(() -> {
            running.countDown();
            sleep(Duration.ofSeconds(30));
        });
        running.await();
        long start = System.nanoTime();

        assertThat(SoftShutdown.await(workers, Optional.of(1))).isFalse();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(log.messages(Level.DEBUG)).startsWith("Shutting down agents with a timeout of '1' seconds");
        assertThat(log.messages(Level.WARN))
                .containsExactly("soft_shutdown_timeout reached. Terminating all running agent threads.");
    }

    @Test
    void shouldRefuseATimeoutOfZeroAndShutDownNormally() {
        assertThat(SoftShutdown.await(workers, Optional.of(0))).isFalse();

        assertThat(log.messages(Level.WARN))
                .containsExactly(
                        "soft_shutdown_timeout has been set to '0'. soft_shutdown_timeout must be > 0",
                        "Shutting down normally.");
        assertThat(workers.isShutdown()).isFalse();
    }

    static void sleep(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
