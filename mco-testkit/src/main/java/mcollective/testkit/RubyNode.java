package mcollective.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import mcollective.McollectiveException;

/**
 * A real Ruby {@code mcollectived} (Debian's 2.12.5) run in the foreground as a child process with its own config,
 * facts and classes in its node directory. {@link #start} returns once the node has connected, subscribed to all its
 * agents and waits for requests (its debug log says {@value #READY}); {@link #close()} kills it and any child.
 * Methods are thread-safe.
 */
public final class RubyNode implements RunningNode {
    /** Logged at debug once every subscription has been sent and the node waits for requests. */
    static final String READY = "Waiting for a message from ActiveMQ";

    private static final Duration READY_LIMIT = Duration.ofSeconds(30);

    private final String identity;
    private final ChildProcess process;
    private final Duration startup;

    private RubyNode(String identity, ChildProcess process, Duration startup) {
        this.identity = identity;
        this.process = process;
        this.startup = startup;
    }

    /**
     * Starts a node from a config builder, its files in {@code fleet.nodeDir(identity)}; the log settings are
     * overridden (debug, to {@code node.log} in the node's directory) because readiness is read from the log.
     *
     * @throws McollectiveException if the Ruby MCollective is not installed, or the node exits or is
     *     not ready within 30 s (with its output and log)
     */
    public static RubyNode start(FleetDir fleet, ServerCfg.Builder config) {
        RubyEnvironment.require();
        Path dir = fleet.nodeDir(config.identity());
        ServerCfg cfg =
                config.logFile(dir.resolve("node.log")).logLevel("debug").build();
        Path file = fleet.writeServer(cfg);
        deleteIfExists(dir.resolve("node.log"));
        ProcessBuilder builder = new ProcessBuilder(
                        RubyEnvironment.MCOLLECTIVED.toString(),
                        "--config",
                        file.toString(),
                        "--no-daemonize",
                        "--pidfile",
                        dir.resolve("node.pid").toString())
                .directory(dir.toFile());
        builder.environment().put("RUBYOPT", fleet.rubyOpt());
        builder.environment().remove("MCOLLECTIVE_PSK");
        builder.environment().remove("MCOLLECTIVE_EXTRA_OPTS");
        long began = System.nanoTime();
        ChildProcess process =
                ChildProcess.start("Ruby mcollectived " + cfg.identity(), builder, dir.resolve("stdout.log"));
        Path log = dir.resolve("node.log");
        process.awaitUntil(
                () -> ChildProcess.read(log).contains(READY),
                READY_LIMIT,
                () -> "no \"" + READY + "\" in its log:\n" + ChildProcess.tail(log));
        return new RubyNode(cfg.identity(), process, Duration.ofNanos(System.nanoTime() - began));
    }

    /** The node's identity. */
    public String identity() {
        return identity;
    }

    @Override
    public Path dir() {
        return process.dir();
    }

    /** How long it took from launching the process until the node was ready. */
    public Duration startup() {
        return startup;
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The node's debug log so far, for assertions and failure messages. */
    @Override
    public String log() {
        return ChildProcess.read(dir().resolve("node.log"));
    }

    /** Kills the node and its children and waits for them to go. Idempotent. */
    @Override
    public void close() {
        process.close();
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the old " + file, e);
        }
    }
}
