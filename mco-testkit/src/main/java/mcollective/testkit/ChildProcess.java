package mcollective.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import mcollective.McollectiveException;

/**
 * A program the tests run beside the JVM (a node, a Chef server, a stand-in daemon): stdout and stderr go to one
 * file, stdin is {@code /dev/null}, and {@link #close()} stops it and everything it started, as a JVM shutdown hook
 * does if a test forgets. Methods are thread-safe.
 */
public final class ChildProcess implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final String name;
    private final Process process;
    private final Path output;
    private final Thread reaper;

    private ChildProcess(String name, Process process, Path output) {
        this.name = name;
        this.process = process;
        this.output = output;
        this.reaper = new Thread(this::kill, "reaper-" + name);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * Starts {@code builder}'s command with its output in {@code output}.
     *
     * @param name what the process is, for messages ("Ruby mcollectived node1")
     * @throws UncheckedIOException if the program cannot be started
     */
    public static ChildProcess start(String name, ProcessBuilder builder, Path output) {
        builder.redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            return new ChildProcess(name, builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + builder.command(), e);
        }
    }

    /**
     * Polls {@code ready} every 50 ms until it holds. If the process exits first, or {@code limit} passes, it is
     * stopped and a {@link McollectiveException} says so with {@code diagnostics} (such as the tail of its log).
     */
    public void awaitUntil(BooleanSupplier ready, Duration limit, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                close();
                throw new McollectiveException(
                        name + " exited with " + process.exitValue() + ":\n" + output() + diagnostics.get());
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new McollectiveException(name + " was not ready within " + limit + ":\n" + diagnostics.get());
            }
            pause();
        }
    }

    /** The directory of its output file, where such a program keeps its files. */
    public Path dir() {
        return output.toAbsolutePath().getParent();
    }

    /** The process id. */
    public long pid() {
        return process.pid();
    }

    /** Whether it still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until it exits, at most {@code limit}; true if it did. */
    public boolean waitFor(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Its exit status; it must have exited. */
    public int exitValue() {
        return process.exitValue();
    }

    /** What it printed so far (the tail, 3,000 characters at most, when it is long). */
    public String output() {
        return tail(output);
    }

    /** The whole text of {@code file}, or empty when it does not exist (yet). Latin-1, so no byte is refused. */
    public static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /** The last 3,000 characters of {@code file}, for failure messages. */
    public static String tail(Path file) {
        String text = read(file);
        return text.length() > 3000 ? text.substring(text.length() - 3000) : text;
    }

    /** Stops it (SIGTERM, then SIGKILL after 5 s) and kills what it started. Idempotent. */
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
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new McollectiveException("Interrupted while waiting for a child process", e);
        }
    }
}
