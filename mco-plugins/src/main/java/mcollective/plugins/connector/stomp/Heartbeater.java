package mcollective.plugins.connector.stomp;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * STOMP 1.1 heart-beats as ruby-stomp's send and receive tickers: send an LF when nothing was written for most of
 * the negotiated interval; every receive interval without any byte from the broker counts as a failed read, and
 * {@code max_hbread_fails} failures in a row (0 = never) declare the connection dead. One daemon thread per client.
 */
final class Heartbeater {
    private static final Logger LOG = LoggerFactory.getLogger(Heartbeater.class);

    private final ScheduledExecutorService timer;
    private final int maxHbreadFails;

    Heartbeater(String threadName, int maxHbreadFails) {
        this.maxHbreadFails = maxHbreadFails;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the tickers of one connection.
     *
     * @param dead called (on the timer thread) with the connection and a reason when it must be dropped
     * @return stops both tickers; idempotent
     */
    Runnable start(StompConnection c, BiConsumer<StompConnection, String> dead) {
        long send = c.sendIntervalMillis();
        long receive = c.receiveIntervalMillis();
        if (send <= 0 && receive <= 0) {
            return () -> {};
        }
        LOG.debug(
                "Heart-beats with {}: send every {} ms, expect every {} ms",
                c.host().url(),
                send,
                receive);
        Runnable sendRound = () -> {
            // ruby-stomp tolerance: send when the last write is older than 80% of the interval
            if (System.nanoTime() - c.lastWriteNanos() > TimeUnit.MILLISECONDS.toNanos(send) * 4 / 5) {
                try {
                    c.writeHeartbeat();
                    LOG.debug("Publishing heartbeat to {}", c.host().url());
                } catch (IOException e) {
                    LOG.error("Heartbeat write failed to '{}': {}", c.host().url(), e.toString());
                    dead.accept(c, "heart-beat write failed: " + e);
                }
            }
        };
        int[] fails = {0};
        Runnable receiveRound = () -> {
            if (System.nanoTime() - c.lastReadNanos() <= TimeUnit.MILLISECONDS.toNanos(receive)) {
                fails[0] = 0;
                return;
            }
            fails[0]++;
            if (maxHbreadFails > 0 && fails[0] >= maxHbreadFails) {
                LOG.error(
                        "Heartbeat read failed from '{}': {} in a row, reconnecting",
                        c.host().url(),
                        fails[0]);
                dead.accept(c, "missed " + fails[0] + " heart-beats");
            } else {
                LOG.warn(
                        "Heartbeat read failed from '{}': {} in a row", c.host().url(), fails[0]);
            }
        };
        ScheduledFuture<?> sender = send <= 0
                ? null
                : timer.scheduleAtFixedRate(guarded(c, dead, "sender", sendRound), send, send, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> receiver = receive <= 0
                ? null
                : timer.scheduleAtFixedRate(
                        guarded(c, dead, "receiver", receiveRound), receive, receive, TimeUnit.MILLISECONDS);
        return () -> {
            if (sender != null) {
                sender.cancel(false);
            }
            if (receiver != null) {
                receiver.cancel(false);
            }
        };
    }

    /**
     * One ticker round that cannot end its ticker silently: a task that throws is never run again by the timer, and
     * without its tickers a dead connection would go unnoticed. A failure is logged once and drops the connection;
     * the next one gets new tickers.
     */
    private static Runnable guarded(
            StompConnection c, BiConsumer<StompConnection, String> dead, String ticker, Runnable round) {
        return () -> {
            try {
                round.run();
            } catch (RuntimeException | Error e) {
                LOG.error(
                        "Heart-beat {} for '{}' failed, dropping the connection",
                        ticker,
                        c.host().url(),
                        e);
                dead.accept(c, "heart-beat " + ticker + " failed: " + e);
            }
        };
    }

    /** Stops the timer thread. */
    void shutdown() {
        timer.shutdownNow();
    }
}
