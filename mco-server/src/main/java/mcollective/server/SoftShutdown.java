package mcollective.server;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Port of {@code Runner#soft_shutdown} ({@code soft_shutdown = 1}): before the node disconnects, the requests it is
 * running finish, so their replies are still sent. Each one is bounded by its agent's timeout, so without
 * {@code soft_shutdown_timeout} (Ruby on POSIX waits for every agent thread) the wait ends when the slowest agent's
 * timeout does. With a timeout it waits at most that long; a timeout of 0 or less is refused with Ruby's warnings
 * and the node stops at once.
 */
final class SoftShutdown {
    private static final Logger LOG = LoggerFactory.getLogger(SoftShutdown.class);

    private SoftShutdown() {}

    /**
     * Lets {@code workers} finish what they run and hold (no new work is accepted once this is called).
     *
     * @param workers the node's request workers
     * @param timeout {@code soft_shutdown_timeout} in seconds; empty means no limit
     * @return true when every request finished; false when the wait was refused, timed out or interrupted
     */
    static boolean await(ExecutorService workers, Optional<Integer> timeout) {
        if (timeout.isPresent() && timeout.get() <= 0) {
            LOG.warn("soft_shutdown_timeout has been set to '{}'. soft_shutdown_timeout must be > 0", timeout.get());
            LOG.warn("Shutting down normally.");
            return false;
        }
        timeout.ifPresent(t -> LOG.debug("Shutting down agents with a timeout of '{}' seconds", t));
        LOG.debug("Waiting for all running agents to finish or timeout.");
        workers.shutdown();
        try {
            boolean finished = workers.awaitTermination(timeout.orElse(Integer.MAX_VALUE), TimeUnit.SECONDS);
            if (!finished) {
                LOG.warn("soft_shutdown_timeout reached. Terminating all running agent threads.");
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        LOG.debug("All running agents have completed. Stopping.");
        return true;
    }
}
