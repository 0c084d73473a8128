package mcollective.soak;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Asks the node real questions through {@code bin/mco} (the project's client) with the soak's client.cfg: a
 * {@code ping} that must be answered, and {@code rpcutil daemon_stats} for the report.
 */
public final class Probe {
    private final Path root;
    private final Path clientCfg;
    private volatile String lastFailure = "";

    public Probe(Path root, Path clientCfg) {
        this.root = root;
        this.clientCfg = clientCfg;
    }

    /** Whether {@code mco ping --expect 1} got the node's answer within 60 s. */
    public boolean ping() {
        Result r = run(List.of("ping", "--expect", "1", "-t", "10"));
        boolean answered = r.status == 0 && r.output.contains(NodeProcess.IDENTITY);
        if (!answered) {
            lastFailure = "exit " + r.status + ": " + r.output.strip();
        }
        return answered;
    }

    /** What the last unanswered ping printed, for the report. */
    public String lastFailure() {
        return lastFailure;
    }

    /** The text of {@code mco rpc rpcutil daemon_stats} for the node, or why it failed. */
    public String daemonStats() {
        Result r = run(List.of("rpc", "rpcutil", "daemon_stats", "-I", NodeProcess.IDENTITY, "-v", "-t", "10"));
        return r.status == 0 ? r.output : "daemon_stats failed (exit " + r.status + "):\n" + r.output;
    }

    private Result run(List<String> args) {
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/mco").toString()));
        command.addAll(args);
        command.addAll(List.of("-c", clientCfg.toString()));
        try {
            Path output = Files.createTempFile("soak-mco", ".out");
            try {
                Process p = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(output.toFile())
                        .start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new Result(-1, "timed out after 60 s: " + Files.readString(output, StandardCharsets.UTF_8));
                }
                return new Result(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private record Result(int status, String output) {}
}
