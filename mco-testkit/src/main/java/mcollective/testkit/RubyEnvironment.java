package mcollective.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Ruby MCollective 2.12.5 from Debian's {@code mcollective} and {@code ruby-stomp} packages, which the
 * interoperability tests run beside the Java port. {@link #require()} fails loudly, naming what is missing and how
 * to get it; tests never skip.
 */
public final class RubyEnvironment {
    public static final Path MCOLLECTIVED = Path.of("/usr/sbin/mcollectived");
    public static final Path MCO = Path.of("/usr/bin/mco");
    public static final Path PLUGINS = Path.of("/usr/share/mcollective/plugins");

    private RubyEnvironment() {
    }

    /** Checks that ruby, mcollectived, mco and the stomp gem are installed. */
    public static void require() {
        for (Path tool : List.of(MCOLLECTIVED, MCO)) {
            if (!Files.isExecutable(tool)) {
                throw new IllegalStateException(tool + " is missing: install Debian's mcollective (run bin/setup)");
            }
        }
        if (!runs("ruby", "-e", "require 'stomp'; require 'mcollective'")) {
            throw new IllegalStateException("ruby cannot load stomp and mcollective: install Debian's mcollective and "
                    + "ruby-stomp (run bin/setup)");
        }
    }

    /**
     * Writes the Psych compatibility wrapper into {@code dir} and returns the {@code RUBYOPT} value that loads it.
     * Debian's build on Ruby 3.1 calls {@code YAML.safe_load} with Psych 3's positional arguments and so loads no
     * yaml facts at all (PROTOCOL.md §10); the wrapper maps them onto Psych 4's keywords. System files stay as
     * they are.
     */
    public static String rubyOpt(Path dir) {
        Path wrapper = dir.resolve("psych_compat.rb");
        try (InputStream in = RubyEnvironment.class.getResourceAsStream("psych_compat.rb")) {
            if (in == null) {
                throw new IllegalStateException("psych_compat.rb is missing from the test kit");
            }
            Files.createDirectories(dir);
            Files.write(wrapper, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "-r" + wrapper;
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
