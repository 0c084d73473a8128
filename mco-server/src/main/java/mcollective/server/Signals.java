package mcollective.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The one place that uses {@code sun.misc.Signal} (module {@code jdk.unsupported}, present in every JDK since 9):
 * Java has no public API to handle SIGUSR1, SIGUSR2 or SIGWINCH, or to choose the exit status after SIGTERM. The JVM
 * runs each handler on a new thread, as Ruby's {@code runner.rb} does with {@code Thread.new}.
 */
final class Signals {
    private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

    private Signals() {}

    /**
     * Runs {@code action} whenever the process receives {@code SIG<name>}, replacing the JVM's handling (for TERM and
     * INT: shutdown hooks and exit status 143 or 130). A failing action is logged; a signal the JVM or the platform
     * keeps for itself is logged and left alone. A signal ignored when the JVM started (INT of a background job)
     * stays ignored.
     *
     * @param name the signal without {@code SIG}: TERM, INT, USR1, USR2, WINCH
     */
    static void handle(String name, Runnable action) {
        try {
            Signal.handle(new Signal(name), signal -> {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.error("Handling SIG{} failed: {}", name, e.toString(), e);
                }
            });
        } catch (IllegalArgumentException e) {
            LOG.warn("Cannot handle SIG{} here: {}", name, e.getMessage());
        }
    }
}
