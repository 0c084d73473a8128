package mcollective.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import mcollective.McollectiveException;

/**
 * Runs the real Ruby {@code mco} (Debian's 2.12.5) with a given client.cfg and captures what it printed. Output
 * goes through files, not pipes, so nothing is lost when {@code mco} leaves with {@code exit!}. Thread-safe.
 */
public final class RubyMco {
    private RubyMco() {}

    /**
     * Runs {@code mco <args> -c <clientConfig>}, killing it after {@code limit}; scratch files and the Ruby 3.1 shim
     * go next to the config.
     *
     * @throws McollectiveException if the Ruby MCollective is not installed, or mco outlives {@code limit}
     */
    public static McoResult run(Path clientConfig, Duration limit, String... args) {
        RubyEnvironment.require();
        Path dir = clientConfig.toAbsolutePath().getParent();
        String rubyOpt = FleetDir.at(dir).rubyOpt();
        List<String> command = new ArrayList<>();
        command.add(RubyEnvironment.MCO.toString());
        command.addAll(List.of(args));
        command.add("-c");
        command.add(clientConfig.toString());
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile(dir, "mco", ".out");
            err = Files.createTempFile(dir, "mco", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("RUBYOPT", rubyOpt);
            builder.environment().remove("MCOLLECTIVE_EXTRA_OPTS");
            builder.environment().remove("MCOLLECTIVE_PSK");
            Process process = builder.start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new McollectiveException("mco " + String.join(" ", args) + " did not finish within " + limit
                        + "; it printed: " + Files.readString(out, StandardCharsets.UTF_8)
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new McoResult(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new McollectiveException("Interrupted while running mco " + String.join(" ", args), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            file.toFile().delete();
        }
    }
}
