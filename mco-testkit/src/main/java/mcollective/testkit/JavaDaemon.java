package mcollective.testkit;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import mcollective.McollectiveException;
import mcollective.testdata.Reference;

/**
 * {@code bin/mcollectived --config <cfg> --pidfile <dir>/node.pid} as a user starts it: a separate JVM on the runtime
 * class path of mco-server (no test logging config), what it prints in {@code <dir>/stdout.log}, where {@code dir}
 * is the config's directory; a config that logs to a file names {@code <dir>/node.log}. Closing it stops what is
 * left. Thread-safe.
 */
public final class JavaDaemon implements RunningNode {
    private static final String JAVA_OPTS = "-Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC";
    private static final Duration LOG_LIMIT = Duration.ofSeconds(60);

    private final ChildProcess process;

    private JavaDaemon(ChildProcess process) {
        this.process = process;
    }

    /**
     * Starts the daemon on {@code config} without waiting for it.
     *
     * @throws McollectiveException if mco-server has not been packaged, since bin/mcollectived would build it
     */
    public static JavaDaemon start(Path config) {
        Path root = Reference.root().getParent();
        Path jar = root.resolve("mco-server/target/mco-server.jar");
        if (!Files.isRegularFile(jar)) {
            throw new McollectiveException(jar
                    + " is missing: bin/mcollectived runs it; package mco-server first (mvn -pl mco-it -am verify)");
        }
        Path dir = config.toAbsolutePath().getParent();
        ProcessBuilder builder = new ProcessBuilder(
                root.resolve("bin/mcollectived").toString(),
                "--config",
                config.toString(),
                "--pidfile",
                dir.resolve("node.pid").toString());
        builder.environment().put("MCOLLECTIVED_JAVA_OPTS", JAVA_OPTS);
        builder.environment().remove("MCOLLECTIVE_EXTRA_OPTS");
        return new JavaDaemon(ChildProcess.start("mcollectived " + config, builder, dir.resolve("stdout.log")));
    }

    @Override
    public Path dir() {
        return process.dir();
    }

    /** Where it writes its pid ({@code node.pid} beside its config). */
    public Path pidfile() {
        return dir().resolve("node.pid");
    }

    public long pid() {
        return process.pid();
    }

    /** Sends {@code SIG<name>} (TERM, INT, USR1, ...) with kill(1). */
    public void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid()))
                .inheritIO()
                .start();
        if (kill.waitFor() != 0) {
            throw new McollectiveException("kill -" + name + " " + pid() + " failed");
        }
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
        return process.waitFor(limit);
    }

    public int exitValue() {
        return process.exitValue();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the daemon printed so far on stdout and stderr. */
    public String output() {
        return ChildProcess.read(dir().resolve("stdout.log"));
    }

    /** Its {@code node.log} so far. */
    @Override
    public String log() {
        return ChildProcess.read(dir().resolve("node.log"));
    }

    /**
     * Waits (60 s at most, less if the daemon exits) until its {@code node.log} contains {@code text}.
     *
     * @throws McollectiveException when it does not, with what the daemon printed and logged; the daemon is stopped
     */
    public void awaitLog(String text) {
        process.awaitUntil(() -> log().contains(text), LOG_LIMIT, () -> "no \"" + text + "\" in " + tailOfLog());
    }

    private String tailOfLog() {
        return dir().resolve("node.log") + ":\n" + ChildProcess.tail(dir().resolve("node.log"));
    }

    @Override
    public void close() {
        process.close();
    }
}
