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
import java.util.Locale;

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
    private static final String LOG = "chef-client.log";
    private static final String LOCKFILE = "chef-client-running.pid";
    private static final String PIDFILE = "client.pid";

    private final ChildProcess process;

    private StandInChefClient(ChildProcess process) {
        this.process = process;
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
            Path log = dir.resolve(LOG);
            Files.deleteIfExists(log);
            ChildProcess process = ChildProcess.start(
                    "the stand-in chef-client in " + dir,
                    new ProcessBuilder(List.of(
                            script.toString(),
                            log.toString(),
                            dir.resolve(LOCKFILE).toString(),
                            String.format(Locale.ROOT, "%.3f", runTime.toMillis() / 1000.0))),
                    dir.resolve("chef-client.out"));
            Files.writeString(dir.resolve(PIDFILE), process.pid() + "\n");
            StandInChefClient daemon = new StandInChefClient(process);
            process.awaitUntil(() -> daemon.lines().contains("ready"), Duration.ofSeconds(10), () -> "");
            return daemon;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pidfile it wrote, as a daemonised chef-client does. */
    public Path pidfile() {
        return process.dir().resolve(PIDFILE);
    }

    /** Its run lock, holding its pid during a run. */
    public Path lockfile() {
        return process.dir().resolve(LOCKFILE);
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
            return Files.size(lockfile()) > 0;
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
            return Files.readAllLines(process.dir().resolve(LOG), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
