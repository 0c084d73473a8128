package mcollective.spi.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs an external command for a plugin, the way MCollective's {@code run()} shell helper should have: the argument
 * vector is executed directly (never through a shell, so no request data can become shell syntax), standard input is
 * closed, both output streams are drained on their own threads so the child can never block on a full pipe, each
 * is kept up to a bound, and a command that outlives its deadline is killed together with its descendants.
 *
 * <p>Immutable and thread-safe; {@link #run} may be called from many worker threads at once.
 */
public final class Command {
    /** The default bound on each captured stream. */
    public static final int DEFAULT_MAX_OUTPUT = 1 << 20;

    private final List<String> argv;
    private final Optional<Path> directory;
    private final Map<String, String> environment;
    private final int maxOutput;

    private Command(List<String> argv, Optional<Path> directory, Map<String, String> environment, int maxOutput) {
        if (argv.isEmpty() || argv.get(0).isBlank()) {
            throw new IllegalArgumentException("A command needs a program to run");
        }
        this.argv = List.copyOf(argv);
        this.directory = directory;
        this.environment = Map.copyOf(environment);
        this.maxOutput = maxOutput;
    }

    /** A command running {@code argv} in the current directory with the inherited environment plus {@code LC_ALL=C}. */
    public static Command of(List<String> argv) {
        return new Command(argv, Optional.empty(), Map.of("LC_ALL", "C"), DEFAULT_MAX_OUTPUT);
    }

    /**
     * A command from a configured command line such as {@code service chef-client}: split on whitespace, no quoting,
     * no shell.
     */
    public static Command parse(String commandLine) {
        return of(List.of(commandLine.strip().split("\\s+")));
    }

    /** The same command with more arguments appended. */
    public Command withArguments(String... more) {
        List<String> all = new ArrayList<>(argv);
        all.addAll(List.of(more));
        return new Command(all, directory, environment, maxOutput);
    }

    /** The same command run in {@code dir}. */
    public Command inDirectory(Path dir) {
        return new Command(argv, Optional.of(dir), environment, maxOutput);
    }

    /** The same command with an extra environment variable. */
    public Command withEnvironment(String name, String value) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put(name, value);
        return new Command(argv, directory, env, maxOutput);
    }

    /** The same command keeping at most {@code bytes} of each output stream; the rest is read and discarded. */
    public Command withMaxOutput(int bytes) {
        return new Command(argv, directory, environment, bytes);
    }

    /** The argument vector. */
    public List<String> argv() {
        return argv;
    }

    /** The command line as a user would type it, for messages. */
    @Override
    public String toString() {
        return String.join(" ", argv);
    }

    /**
     * How a run ended.
     *
     * @param exitCode  the exit status; -1 when the command was killed at its deadline
     * @param stdout    standard output, decoded as UTF-8, at most the bound
     * @param stderr    standard error, likewise
     * @param timedOut  whether the deadline passed and the command was killed
     * @param truncated whether standard output was longer than the bound (standard error is cut silently)
     */
    public record Result(int exitCode, String stdout, String stderr, boolean timedOut, boolean truncated) {
        /** The first line of standard error, or empty. */
        public String firstErrorLine() {
            return stderr.lines()
                    .filter(l -> !l.isBlank())
                    .findFirst()
                    .orElse("")
                    .strip();
        }
    }

    /**
     * Runs the command to completion or until {@code timeout} passes.
     *
     * @throws IOException          if the program cannot be started (missing, not executable)
     * @throws InterruptedException if the calling thread is interrupted; the command is killed first
     */
    public Result run(Duration timeout) throws IOException, InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        ProcessBuilder builder = new ProcessBuilder(argv);
        directory.ifPresent(d -> builder.directory(d.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            process.getOutputStream().close();
            CompletableFuture<Captured> stdout = drain(process.getInputStream(), "stdout");
            CompletableFuture<Captured> stderr = drain(process.getErrorStream(), "stderr");
            boolean finished = process.waitFor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            if (!finished) {
                kill(process);
            }
            Captured out = collect(stdout);
            Captured err = collect(stderr);
            return new Result(finished ? process.exitValue() : -1, out.text(), err.text(), !finished, out.truncated());
        } finally {
            if (process.isAlive()) {
                kill(process);
            }
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private record Captured(String text, boolean truncated) {}

    private static Captured collect(CompletableFuture<Captured> future) throws InterruptedException {
        try {
            return future.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // a grandchild still holds the pipe open: report what is known rather than wait for it
            return new Captured("", false);
        }
    }

    /**
     * Reads a stream on a thread of its own. The common pool is not used: it may have a single thread on a
     * two-core machine, and two blocked readers sharing it could deadlock the child on a full pipe.
     */
    private CompletableFuture<Captured> drain(InputStream in, String which) {
        CompletableFuture<Captured> result = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (in) {
                        byte[] kept = in.readNBytes(maxOutput);
                        long rest = in.transferTo(OutputStream.nullOutputStream());
                        result.complete(new Captured(new String(kept, StandardCharsets.UTF_8), rest > 0));
                    } catch (IOException e) {
                        result.complete(new Captured("", false));
                    }
                },
                "command-" + which);
        reader.setDaemon(true);
        reader.start();
        return result;
    }
}
