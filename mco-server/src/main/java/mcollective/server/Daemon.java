package mcollective.server;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;
import mcollective.logback.LogSetup;

/**
 * A running {@code mcollectived}: the embedded broker (when configured), the pidfile and the {@link Node}, with the
 * signals of {@code runner.rb}. TERM and INT stop it at any moment, also while it still retries the broker (exit
 * status 0, pidfile removed, {@code Exiting after signal: SIGTERM} logged); USR1 reloads the agents; USR2 cycles the
 * log level; WINCH reopens the log file. A JVM shutdown for another reason (SIGHUP, {@code System.exit}) stops it
 * the same way through a shutdown hook.
 */
final class Daemon {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    private static final long START_WAIT_SECONDS = 30;

    private final Node node;
    private final EmbeddedBrokerSupport broker;
    private final Optional<Path> pidFile;
    private final boolean logsToConsole;
    private final PrintStream err;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch startUpDone = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    Daemon(Node node, EmbeddedBrokerSupport broker, Optional<Path> pidFile, boolean logsToConsole, PrintStream err) {
        this.node = node;
        this.broker = broker;
        this.pidFile = pidFile;
        this.logsToConsole = logsToConsole;
        this.err = err;
    }

    /**
     * Starts everything and blocks until stopped; returns the exit status (1: start-up failed). {@code started} runs
     * once the node is up, so that a start that fails prints its one line and nothing else.
     */
    int run(Runnable started) {
        handleSignals();
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(() -> stop("JVM shutting down: stopping the node"), "mcollectived-shutdown"));
        try {
            broker.start();
            if (!stopping.get()) {
                pidFile.ifPresent(Daemon::writePid);
            }
            node.start();
            if (!stopping.get()) {
                started.run();
            }
        } catch (RuntimeException e) {
            if (!stopping.get()) {
                if (!logsToConsole) {
                    LOG.error("Failed to start: {}", e.getMessage());
                }
                err.println("mcollectived: " + e.getMessage());
                startUpDone.countDown();
                if (stopping.compareAndSet(false, true)) {
                    shutDown(); // quietly: the line above is all a failed start prints
                }
                return 1;
            }
        } finally {
            startUpDone.countDown();
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private void handleSignals() {
        Signals.handle("TERM", () -> stop("Exiting after signal: SIGTERM"));
        Signals.handle("INT", () -> stop("Exiting after signal: SIGINT"));
        Signals.handle("USR1", () -> {
            LOG.info("Reloading all agents after receiving USR1 signal");
            node.reloadAgents();
        });
        Signals.handle("USR2", () -> {
            LOG.info("Cycling logging level due to USR2 signal");
            LogSetup.cycleLevel();
        });
        Signals.handle("WINCH", () -> {
            LOG.info("Reopening logfiles due to WINCH signal");
            LogSetup.reopen();
            LOG.info("Reopened logfiles due to WINCH signal");
        });
    }

    /**
     * Stops the node (ending a start-up still under way; with {@code soft_shutdown} after running requests finish),
     * then the broker, and removes the pidfile. Only the first call acts; later ones return at once.
     */
    void stop(String reason) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        LOG.info(reason);
        shutDown();
    }

    private void shutDown() {
        node.stop();
        try {
            // the broker may still be starting on the main thread; stop it only once that is over
            if (!startUpDone.await(START_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Start-up did not end within {}s; stopping anyway", START_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        broker.stop();
        pidFile.ifPresent(Daemon::deleteQuietly);
        stopped.countDown();
    }

    private static void writePid(Path file) {
        try {
            Files.writeString(file, ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new McollectiveException("Cannot write pidfile " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not remove pidfile {}: {}", file, e.toString());
        }
    }
}
