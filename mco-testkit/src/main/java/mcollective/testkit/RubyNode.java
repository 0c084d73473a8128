package mcollective.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import mcollective.McollectiveException;

/**
 * A real Ruby {@code mcollectived} (Debian's 2.12.5) run in the foreground as a child process with its own config,
 * facts and classes in its node directory. {@code start} returns once the node has connected, subscribed to all its
 * agents and waits for requests (its debug log says {@value #READY}); {@link #stop()} kills it and any child, and a
 * JVM shutdown hook does the same if a test forgets. Methods are thread-safe.
 */
public final class RubyNode implements AutoCloseable {
    /** Logged at debug once every subscription has been sent and the node waits for requests. */
    static final String READY = "Waiting for a message from ActiveMQ";

    private static final Duration READY_LIMIT = Duration.ofSeconds(30);

    private final String identity;
    private final Path dir;
    private final Process process;
    private final Thread reaper;
    private volatile Duration startup = Duration.ZERO;

    private RubyNode(String identity, Path dir, Process process) {
        this.identity = identity;
        this.dir = dir;
        this.process = process;
        this.reaper = new Thread(this::kill, "ruby-node-reaper-" + identity);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * Starts a node with the brief's knobs: facts (written as yaml), classes, collectives (the first is the main
     * one), the psk and extra config lines, on the given broker; files go to {@code fleet.nodeDir(identity)}.
     */
    public static RubyNode start(
            FleetDir fleet,
            BrokerAddress broker,
            String identity,
            Map<String, String> facts,
            List<String> classes,
            List<String> collectives,
            String psk,
            List<String> extraLines) {
        Path dir = fleet.nodeDir(identity);
        ServerCfg.Builder config = ServerCfg.builder(identity, broker)
                .collectives(collectives)
                .psk(psk)
                .factsFile(fleet.writeFacts(dir.resolve("facts.yaml"), facts))
                .classesFile(fleet.writeClasses(dir.resolve("classes.txt"), classes))
                .extra(extraLines);
        return start(fleet, config);
    }

    /**
     * Starts a node from a config builder; the log settings are overridden (debug, to {@code node.log} in the
     * node's directory) because readiness is read from the log.
     */
    public static RubyNode start(FleetDir fleet, ServerCfg.Builder config) {
        Path dir = fleet.nodeDir(config.identity());
        ServerCfg cfg =
                config.logFile(dir.resolve("node.log")).logLevel("debug").build();
        fleet.writeServer(cfg);
        return launch(cfg.identity(), dir, fleet.rubyOpt());
    }

    /** Kept for existing callers: a node whose files go to {@code dir}, on the broker {@code fleet} describes. */
    public static RubyNode start(
            FleetConfig fleet,
            Path dir,
            String identity,
            Map<String, String> facts,
            List<String> classes,
            List<String> collectives) {
        fleet.writeServer(dir, identity, facts, classes, collectives, List.of());
        return launch(identity, dir, FleetDir.at(dir).rubyOpt());
    }

    private static RubyNode launch(String identity, Path dir, String rubyOpt) {
        RubyEnvironment.require();
        deleteIfExists(dir.resolve("node.log"));
        ProcessBuilder builder = new ProcessBuilder(
                        RubyEnvironment.MCOLLECTIVED.toString(),
                        "--config",
                        dir.resolve("server.cfg").toString(),
                        "--no-daemonize",
                        "--pidfile",
                        dir.resolve("node.pid").toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("RUBYOPT", rubyOpt);
        builder.environment().remove("MCOLLECTIVE_PSK");
        builder.environment().remove("MCOLLECTIVE_EXTRA_OPTS");
        long began = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + RubyEnvironment.MCOLLECTIVED, e);
        }
        RubyNode node = new RubyNode(identity, dir, process);
        node.awaitReady(READY_LIMIT);
        node.startup = Duration.ofNanos(System.nanoTime() - began);
        return node;
    }

    private void awaitReady(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                close();
                throw new McollectiveException("Ruby mcollectived " + identity + " exited with " + process.exitValue()
                        + ":\n" + tail(dir.resolve("stdout.log")) + tail(dir.resolve("node.log")));
            }
            if (log().contains(READY)) {
                return;
            }
            pause();
        }
        close();
        throw new McollectiveException("Ruby mcollectived " + identity + " was not ready within " + limit + " (no \""
                + READY + "\" in its log):\n" + tail(dir.resolve("node.log")));
    }

    /** The node's identity. */
    public String identity() {
        return identity;
    }

    /** The node's directory (config, facts, classes, logs). */
    public Path dir() {
        return dir;
    }

    /** How long it took from launching the process until the node was ready. */
    public Duration startup() {
        return startup;
    }

    /** Whether the process still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The node's log so far, for assertions and failure messages; empty before it logged anything. */
    public String log() {
        return read(dir.resolve("node.log"));
    }

    /** Kills the node and its children and waits for them to go. Idempotent. */
    public void stop() {
        close();
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting and the hook runs or ran
        }
    }

    private void kill() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String tail(Path file) {
        String text = read(file);
        return text.length() > 3000 ? text.substring(text.length() - 3000) : text;
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the old " + file, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new McollectiveException("Interrupted while waiting for a Ruby node", e);
        }
    }
}
