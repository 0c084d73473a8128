package mcollective.testkit;

import java.nio.file.Path;

/**
 * A node of a test fleet while it runs: a real Ruby {@code mcollectived} ({@link RubyNode}), a Java
 * {@code bin/mcollectived} ({@link JavaDaemon}), or a Java node inside the test JVM. Its directory holds its
 * {@code server.cfg}, facts, classes and, for the processes, its logs. Thread-safe.
 */
public interface RunningNode extends AutoCloseable {
    /** The node's directory. */
    Path dir();

    /** Whether it still runs. */
    boolean isAlive();

    /** Its log file so far; empty for a node in the test JVM, which logs through the test's own logging. */
    String log();

    /**
     * One of its runner counters ({@code total}, {@code malformed}, {@code ttlexpired}, ...), read live.
     *
     * @throws UnsupportedOperationException for nodes in other processes, which only answer over the broker
     *     ({@code mco rpc rpcutil daemon_stats})
     */
    default long stat(String counter) {
        throw new UnsupportedOperationException(
                "Counters are read directly only from Java nodes in the test JVM; ask this one with "
                        + "mco rpc rpcutil daemon_stats");
    }

    /** Stops it. Idempotent. */
    @Override
    void close();
}
