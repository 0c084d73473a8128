package mcollective.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real Ruby {@code mco} with a given client.cfg and captures what it printed. */
public final class RubyMco {
    private RubyMco() {
    }

    /** What one {@code mco} run printed, and its exit code. */
    public record Result(int exitCode, String out, String err) {
        public List<String> lines() {
            return out.lines().toList();
        }
    }

    /** Runs {@code mco <args> -c <clientConfig>}, killing it after {@code limit}. */
    public static Result run(Path clientConfig, Duration limit, String... args) {
        RubyEnvironment.require();
        List<String> command = new ArrayList<>();
        command.add(RubyEnvironment.MCO.toString());
        command.addAll(List.of(args));
        command.add("-c");
        command.add(clientConfig.toString());
        Path dir = clientConfig.getParent();
        try {
            Path out = Files.createTempFile(dir, "mco", ".out");
            Path err = Files.createTempFile(dir, "mco", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().put("RUBYOPT", RubyEnvironment.rubyOpt(dir));
            builder.environment().remove("MCOLLECTIVE_EXTRA_OPTS");
            builder.environment().remove("MCOLLECTIVE_PSK");
            Process process = builder.start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("mco " + String.join(" ", args) + " did not finish within " + limit);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
