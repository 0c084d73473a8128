package mcollective.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A directory holding one test fleet's files: a sub-directory per node (server.cfg, facts.yaml, classes.txt,
 * logs), client configs, and the Ruby compatibility shim. {@link #temporary()} makes one that {@link #close()}
 * deletes; {@link #at(Path)} uses a given directory (such as a JUnit {@code @TempDir}) and leaves it alone.
 * Writes are not synchronized: one thread sets a fleet up.
 */
public final class FleetDir implements AutoCloseable {
    private static final String SHIM = "psych_compat.rb";
    private final Path root;
    private final boolean owned;

    private FleetDir(Path root, boolean owned) {
        this.root = root;
        this.owned = owned;
    }

    /** A fleet in {@code root}, created if missing and never deleted by this class. */
    public static FleetDir at(Path root) {
        createDirectories(root);
        return new FleetDir(root.toAbsolutePath(), false);
    }

    /** A fleet in a new temporary directory that {@link #close()} deletes. */
    public static FleetDir temporary() {
        try {
            return new FleetDir(Files.createTempDirectory("mco-fleet").toAbsolutePath(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary fleet directory", e);
        }
    }

    /** The fleet's directory. */
    public Path root() {
        return root;
    }

    /** The node's own directory, created if missing. */
    public Path nodeDir(String identity) {
        Path dir = root.resolve(identity);
        createDirectories(dir);
        return dir;
    }

    /** Writes {@code facts} as a flat YAML map of strings (as Ruby's yaml fact source reads them). */
    public Path writeFacts(Path file, Map<String, String> facts) {
        return write(file, FactsYaml.render(facts));
    }

    /** Writes a classes file, one class per line. */
    public Path writeClasses(Path file, List<String> classes) {
        return write(file, classes.isEmpty() ? "" : String.join("\n", classes) + "\n");
    }

    /** Writes the node's {@code server.cfg} into its directory and returns the path. */
    public Path writeServer(ServerCfg config) {
        return write(nodeDir(config.identity()).resolve("server.cfg"), config.text());
    }

    /** Writes a node's config to {@code file} (for layouts other than one directory per identity). */
    public Path writeServer(Path file, ServerCfg config) {
        return write(file, config.text());
    }

    /** Writes {@code client.cfg} at the fleet's root and returns the path. */
    public Path writeClient(ClientCfg config) {
        return writeClient("client.cfg", config);
    }

    /** Writes a client config named {@code fileName} at the fleet's root and returns the path. */
    public Path writeClient(String fileName, ClientCfg config) {
        return write(root.resolve(fileName), config.text());
    }

    /**
     * The {@code RUBYOPT} value that loads the test kit's Ruby 3.1 compatibility shim (written here on first use):
     * Debian's MCollective calls {@code YAML.safe_load} with Psych 3's positional arguments, which Psych 4 rejects,
     * so without it a node has no yaml facts. System files stay untouched.
     */
    public String rubyOpt() {
        Path shim = root.resolve(SHIM);
        if (!Files.exists(shim)) {
            try (InputStream in = FleetDir.class.getResourceAsStream(SHIM)) {
                if (in == null) {
                    throw new IllegalStateException(SHIM + " is missing from the test kit's resources");
                }
                write(shim, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "-r" + shim;
    }

    /** Deletes the directory if {@link #temporary()} made it; otherwise does nothing. */
    @Override
    public void close() {
        if (!owned || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + root, e);
        }
    }

    private static Path write(Path file, String text) {
        createDirectories(file.toAbsolutePath().getParent());
        try {
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + dir, e);
        }
    }
}
