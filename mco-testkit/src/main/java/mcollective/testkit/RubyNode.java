package mcollective.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Ruby {@code mcollectived} (Debian's 2.12.5) in the foreground, as a child process with its own config,
 * facts and classes. {@link #start} returns once the node has subscribed; {@link #close()} kills it and every child,
 * and a JVM shutdown hook does the same if a test forgets.
 */
public final class RubyNode implements AutoCloseable {
    /** Logged at debug once the node has subscribed and waits for requests. */
    private static final String READY = "Waiting for a message from ActiveMQ";

    private final String identity;
    private final Path dir;
    private final Process process;
    private final Thread reaper;

    private RubyNode(String identity, Path dir, Process process) {
        this.identity = identity;
        this.dir = dir;
        this.process = process;
        this.reaper = new Thread(this::kill, "ruby-node-reaper-" + identity);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Starts a node and waits (up to a minute) until it listens. */
    public static RubyNode start(FleetConfig fleet, Path dir, String identity, Map<String, String> facts,
            List<String> classes, List<String> collectives) {
        RubyEnvironment.require();
        Path config = fleet.writeServer(dir, identity, facts, classes, collectives, List.of());
        ProcessBuilder builder = new ProcessBuilder(RubyEnvironment.MCOLLECTIVED.toString(), "--config",
                config.toString(), "--no-daemonize", "--pidfile", dir.resolve("node.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile());
        builder.environment().put("RUBYOPT", RubyEnvironment.rubyOpt(dir));
        builder.environment().remove("MCOLLECTIVE_PSK");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + RubyEnvironment.MCOLLECTIVED, e);
        }
        RubyNode node = new RubyNode(identity, dir, process);
        node.awaitReady(Duration.ofSeconds(60));
        return node;
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path log = dir.resolve("node.log");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Ruby mcollectived " + identity + " exited with "
                        + process.exitValue() + ": " + tail(dir.resolve("stdout.log")) + tail(log));
            }
            if (Files.exists(log) && read(log).contains(READY)) {
                return;
            }
            sleep(100);
        }
        close();
        throw new IllegalStateException("Ruby mcollectived " + identity + " was not ready within " + timeout + ": "
                + tail(log));
    }

    public String identity() {
        return identity;
    }

    /** The node's log, for assertions and for failure messages. */
    public String log() {
        Path log = dir.resolve("node.log");
        return Files.exists(log) ? read(log) : "";
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
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
            return Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    private static String tail(Path file) {
        String text = Files.exists(file) ? read(file) : "";
        return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
