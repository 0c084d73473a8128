package mcollective.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import mcollective.McollectiveException;

/**
 * The real Ruby MCollective 2.12.5 from Debian's {@code mcollective} and {@code ruby-stomp} packages, which the
 * interoperability tests run beside the Java port. {@link #require()} fails loudly, naming what is missing and
 * {@code bin/setup}; tests never skip. Thread-safe.
 */
public final class RubyEnvironment {
    /** Debian's node daemon. */
    public static final Path MCOLLECTIVED = Path.of("/usr/sbin/mcollectived");
    /** Debian's client. */
    public static final Path MCO = Path.of("/usr/bin/mco");
    /** Debian's plugin directory, the {@code libdir} of test configs. */
    public static final Path PLUGINS = Path.of("/usr/share/mcollective/plugins");

    private static volatile boolean checked;

    private RubyEnvironment() {}

    /**
     * Checks (once per JVM) that ruby, mcollectived, mco and the stomp gem are installed.
     *
     * @throws McollectiveException naming the first thing missing and how to get it
     */
    public static void require() {
        if (checked) {
            return;
        }
        synchronized (RubyEnvironment.class) {
            if (checked) {
                return;
            }
            if (onPath("ruby").isEmpty()) {
                throw missing("ruby is not on the PATH", "ruby");
            }
            for (Path tool : List.of(MCOLLECTIVED, MCO)) {
                if (!Files.isExecutable(tool)) {
                    throw missing(tool + " is missing", "mcollective");
                }
            }
            rubyLoads("stomp", "ruby-stomp");
            rubyLoads("mcollective", "mcollective");
            checked = true;
        }
    }

    private static void rubyLoads(String library, String debianPackage) {
        try {
            Process process = new ProcessBuilder("ruby", "-e", "require '" + library + "'")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw missing("ruby -e \"require '" + library + "'\" hung", debianPackage);
            }
            if (process.exitValue() != 0) {
                throw missing("ruby cannot load '" + library + "': " + output.strip(), debianPackage);
            }
        } catch (IOException e) {
            throw missing("ruby could not be run: " + e.getMessage(), "ruby");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new McollectiveException("Interrupted while checking for the Ruby MCollective", e);
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        return Arrays.stream(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static McollectiveException missing(String what, String debianPackage) {
        return new McollectiveException(what + ": the Ruby interoperability tests need Debian's " + debianPackage
                + " package; run bin/setup (as root) to install everything the tests need");
    }
}
