package mcollective.plugins.facts;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import mcollective.McollectiveException;

/**
 * One run of the fact command: started directly (never through a shell) with stdin from {@code /dev/null}, stdout
 * read up to a limit, stderr drained on its own thread so the child can never block on a full pipe. The child and
 * its descendants are killed when the run times out, prints too much, or the calling thread is interrupted; Java's
 * process reaper collects them. Immutable; each {@link #run()} is independent.
 */
final class OhaiCommand {
    private static final int MAX_STDERR_BYTES = 64 * 1024;
    /** How long to wait for a pipe to reach end-of-file once the child is gone. */
    private static final Duration PIPE_GRACE = Duration.ofSeconds(2);

    private final List<String> command;
    private final Duration timeout;
    private final int maxOutputBytes;

    /**
     * @param command        the program and its arguments; not empty
     * @param timeout        how long a run may take before it is killed; positive
     * @param maxOutputBytes the most stdout accepted; a run printing more fails
     */
    OhaiCommand(List<String> command, Duration timeout, int maxOutputBytes) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        this.command = List.copyOf(command);
        this.timeout = timeout;
        this.maxOutputBytes = maxOutputBytes;
    }

    /** The command as one line, for log messages. */
    String line() {
        return String.join(" ", command);
    }

    /**
     * Runs the command to completion.
     *
     * @return everything it printed on stdout
     * @throws McollectiveException with the reason (could not start, timed out, printed too much, non-zero exit),
     *                              followed by the first non-blank line of stderr when there is one
     * @throws InterruptedException when the calling thread is interrupted; the child is killed
     */
    byte[] run() throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new McollectiveException("could not be started: " + e.getMessage(), e);
        }
        CompletableFuture<byte[]> stderr = read(process.getErrorStream(), MAX_STDERR_BYTES, true, "stderr");
        CompletableFuture<byte[]> stdout = read(process.getInputStream(), maxOutputBytes + 1, false, "stdout");
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            byte[] out = stdout.get(remaining(deadline), TimeUnit.NANOSECONDS);
            if (out.length > maxOutputBytes) {
                kill(process);
                throw failure("printed more than " + maxOutputBytes + " bytes; output refused", stderr);
            }
            if (!process.waitFor(remaining(deadline), TimeUnit.NANOSECONDS)) {
                throw timedOut(process, stderr);
            }
            if (process.exitValue() != 0) {
                throw failure("exited with status " + process.exitValue(), stderr);
            }
            return out;
        } catch (TimeoutException e) {
            throw timedOut(process, stderr);
        } catch (ExecutionException e) {
            throw new McollectiveException("could not be read: " + e.getCause(), e.getCause());
        } finally {
            kill(process);
        }
    }

    private McollectiveException timedOut(Process process, CompletableFuture<byte[]> stderr) {
        kill(process);
        String seconds = timeout.toMillis() % 1000 == 0 ? Long.toString(timeout.toSeconds())
                : Double.toString(timeout.toMillis() / 1000.0);
        return failure("timed out after " + seconds + " s and was killed", stderr);
    }

    private static McollectiveException failure(String reason, CompletableFuture<byte[]> stderr) {
        String first = "";
        try {
            byte[] err = stderr.get(PIPE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            first = new String(err, StandardCharsets.UTF_8).lines().map(String::strip).filter(l -> !l.isEmpty())
                    .findFirst().orElse("");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // stderr is still held open (or failed): report the reason without it
        }
        return new McollectiveException(first.isEmpty() ? reason : reason + "; stderr: " + first);
    }

    private static void kill(Process process) {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    /**
     * Reads up to {@code limit} bytes on a daemon thread; with {@code drainRest} the rest is read and discarded so
     * the child never blocks on a full pipe. A stream that fails (the child was killed) yields what could be read.
     */
    private static CompletableFuture<byte[]> read(InputStream in, int limit, boolean drainRest, String what) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (in) {
                byte[] kept = in.readNBytes(limit);
                if (drainRest) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                result.complete(kept);
            } catch (IOException e) {
                result.complete(new byte[0]);
            }
        }, "ohai-facts-" + what);
        reader.setDaemon(true);
        reader.start();
        return result;
    }
}
