package mcollective.server;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.logging.LogSafe;
import mcollective.spi.Connector;

/**
 * Keeps a node from being alive but deaf. Run every few seconds on the node's watchdog thread, it asks the
 * connector for a {@link Connector#failure() failure} (its receiving thread ended, it gave up reconnecting) and
 * restarts the connection when there is one: reconnect and subscribe again, as after a broker restart. When
 * {@link #RESTARTS} restarts in a row have not brought it back, it hands the reason to the deaf callback, once
 * ({@code mcollectived} exits 1 there, so that a supervisor starts the daemon afresh), and keeps trying quietly.
 *
 * <p>Each event is logged once: the failure, each restart's outcome, the giving up, the recovery.
 */
final class ConnectionWatch implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionWatch.class);

    /** How often the connector is asked. */
    static final Duration INTERVAL = Duration.ofSeconds(2);
    /** How long one restart may try to connect. */
    static final Duration RESTART_LIMIT = Duration.ofSeconds(10);
    /** Failed checks in a row (each followed by a restart) before the node is declared deaf. */
    static final int RESTARTS = 3;

    private final String identity;
    private final Connector connector;
    private final BooleanSupplier stopping;
    private final Consumer<String> deaf;
    private final Duration restartLimit;
    // the watchdog thread only
    private int failedChecks;
    private String firstFailure = "";

    ConnectionWatch(
            String identity,
            Connector connector,
            BooleanSupplier stopping,
            Consumer<String> deaf,
            Duration restartLimit) {
        this.identity = identity;
        this.connector = connector;
        this.stopping = stopping;
        this.deaf = deaf;
        this.restartLimit = restartLimit;
    }

    @Override
    public void run() {
        try {
            check();
        } catch (RuntimeException | Error e) {
            // a scheduled task that throws is never run again; the watch must outlive whatever it watches
            LOG.error("Watching the connection of node {} failed", identity, e);
        }
    }

    private void check() {
        if (stopping.getAsBoolean()) {
            return;
        }
        Optional<String> failure = connector.failure();
        if (failure.isEmpty()) {
            if (failedChecks > RESTARTS) {
                LOG.info("Node {} receives again", identity);
            }
            failedChecks = 0;
            return;
        }
        failedChecks++;
        if (failedChecks == 1) {
            firstFailure = failure.get();
        }
        if (failedChecks <= RESTARTS) {
            LOG.error(
                    "Node {} cannot receive: {}; restarting the connection ({} of {})",
                    identity,
                    LogSafe.of(failure.get()),
                    failedChecks,
                    RESTARTS);
        } else if (failedChecks == RESTARTS + 1) {
            String latest = failure.get().equals(firstFailure) ? "" : "; now: " + LogSafe.of(failure.get());
            LOG.error(
                    "Node {} cannot receive after {} restarts of its connection: {}{}",
                    identity,
                    RESTARTS,
                    LogSafe.of(firstFailure),
                    latest);
            deaf.accept(firstFailure);
        }
        restart(failedChecks <= RESTARTS);
    }

    private void restart(boolean loudly) {
        try {
            connector.restart(restartLimit);
            if (loudly) {
                LOG.info("Node {} restarted its connection and subscribed again", identity);
            }
        } catch (RuntimeException e) {
            if (loudly) {
                LOG.error("Node {} could not restart its connection: {}", identity, LogSafe.of(e.getMessage()));
            } else {
                LOG.debug("Node {} could not restart its connection: {}", identity, LogSafe.of(e.getMessage()));
            }
        }
    }
}
