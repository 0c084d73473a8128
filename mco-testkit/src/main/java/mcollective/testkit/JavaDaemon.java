package mcollective.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import mcollective.testdata.Reference;

/**
 * {@code bin/mcollectived --config <cfg> --pidfile <pid>} as a user starts it: a separate JVM on the runtime class
 * path of mco-server (no test logging config), its stdout and stderr in one file. Closing it kills what is left.
 */
public final class JavaDaemon implements AutoCloseable {
    private static final String JAVA_OPTS = "-Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private final Process process;
    private final Path output;

    private JavaDaemon(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts the daemon; its pidfile is {@code pidfile} and what it prints goes to {@code output}. */
    public static JavaDaemon start(Path config, Path pidfile, Path output) throws IOException {
        Path root = Reference.root().getParent();
        Path jar = root.resolve("mco-server/target/mco-server.jar");
        assertThat(jar)
                .as("the mco-server jar bin/mcollectived runs (build mco-server first)")
                .isRegularFile();
        ProcessBuilder builder = new ProcessBuilder(
                        root.resolve("bin/mcollectived").toString(),
                        "--config",
                        config.toString(),
                        "--pidfile",
                        pidfile.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("MCOLLECTIVED_JAVA_OPTS", JAVA_OPTS);
        return new JavaDaemon(builder.start(), output);
    }

    public long pid() {
        return process.pid();
    }

    /** Sends {@code SIG<name>} (TERM, INT, USR1, ...) with kill(1). */
    public void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid()))
                .inheritIO()
                .start();
        assertThat(kill.waitFor()).as("kill -%s %d", name, pid()).isZero();
    }

    /** Whether the daemon ignores {@code SIG<name>} (the SigIgn mask of /proc/PID/status), as it inherited. */
    public boolean ignores(String name) throws IOException {
        int number = switch (name) {
            case "INT" -> 2;
            case "TERM" -> 15;
            case "USR1" -> 10;
            case "USR2" -> 12;
            default -> throw new IllegalArgumentException("No signal number for SIG" + name);
        };
        String mask = Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status")).stream()
                .filter(line -> line.startsWith("SigIgn:"))
                .findFirst()
                .orElseThrow()
                .substring(7)
                .strip();
        return new BigInteger(mask, 16).testBit(number - 1);
    }

    /** Waits until the daemon exits, at most {@code limit}; true if it did. */
    public boolean waitFor(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** What the daemon printed so far. */
    public String output() {
        return read(output);
    }

    /** Waits (60 s at most, less if the daemon dies) until {@code log} contains {@code text}. */
    public void awaitLog(Path log, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(Files.exists(log) && read(log).contains(text))) {
            assertThat(process.isAlive()).as("mcollectived is running").isTrue();
            assertThat(System.nanoTime()).as("time while waiting for " + text).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
