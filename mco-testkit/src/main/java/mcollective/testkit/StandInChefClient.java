package mcollective.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for a daemonised chef-client: a small shell process whose command line contains {@code chef-client},
 * which writes its pidfile, and on every {@code USR1} records the wake-up, holds a run lock with its pid (as
 * {@code Chef::RunLock} does) for the configured run time, then releases it. Tests read how many wake-ups and runs
 * it saw. {@link #close()} kills it.
 */
public final class StandInChefClient implements AutoCloseable {
    private static final String SCRIPT = """
            #!/bin/bash
            # stand-in chef-client: log, lockfile, run seconds
            log="$1"; lock="$2"; run="$3"
            trap 'echo wake >> "$log"; echo $$ > "$lock"; sleep "$run"; : > "$lock"; echo done >> "$log"' USR1
            echo ready >> "$log"
            while true; do sleep 0.05; done
            """;

    private final Process process;
    private final Path pidfile;
    private final Path lockfile;
    private final Path log;

    private StandInChefClient(Process process, Path pidfile, Path lockfile, Path log) {
        this.process = process;
        this.pidfile = pidfile;
        this.lockfile = lockfile;
        this.log = log;
    }

    /**
     * Starts a stand-in in {@code dir} (created if needed) and waits until it can take signals.
     *
     * @param runTime how long each chef run it is woken for holds the run lock
     */
    public static StandInChefClient start(Path dir, Duration runTime) {
        try {
            Files.createDirectories(dir);
            Path script = dir.resolve("chef-client");
            Files.writeString(script, SCRIPT);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path log = dir.resolve("chef-client.log");
            Path lockfile = dir.resolve("chef-client-running.pid");
            Path pidfile = dir.resolve("client.pid");
            Files.deleteIfExists(log);
            Process process = new ProcessBuilder(List.of(
                            script.toString(),
                            log.toString(),
                            lockfile.toString(),
                            String.format(java.util.Locale.ROOT, "%.3f", runTime.toMillis() / 1000.0)))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Files.writeString(pidfile, process.pid() + "\n");
            StandInChefClient daemon = new StandInChefClient(process, pidfile, lockfile, log);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!daemon.lines().contains("ready")) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    daemon.close();
                    throw new IllegalStateException("The stand-in chef-client in " + dir + " did not start");
                }
                Thread.sleep(20);
            }
            return daemon;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Path pidfile() {
        return pidfile;
    }

    public Path lockfile() {
        return lockfile;
    }

    public long pid() {
        return process.pid();
    }

    /** How many {@code USR1} signals it received. */
    public int wakeUps() {
        return count("wake");
    }

    /** How many chef runs it finished. */
    public int runs() {
        return count("done");
    }

    /** Whether a run holds the run lock now. */
    public boolean running() {
        try {
            return Files.size(lockfile) > 0;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int count(String word) {
        return (int) lines().stream().filter(word::equals).count();
    }

    private List<String> lines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
