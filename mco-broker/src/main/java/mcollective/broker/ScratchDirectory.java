package mcollective.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;

/**
 * Private temporary directories of a running broker: the one a broker without a data directory pages into, and the
 * one holding the key stores made from PEM files; removed when the broker stops.
 */
final class ScratchDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(ScratchDirectory.class);

    private ScratchDirectory() {}

    /** A new, empty directory only this user can read, under {@code java.io.tmpdir}; {@code purpose} names it. */
    static Path create(String purpose) {
        try {
            return Files.createTempDirectory("mco-broker-" + purpose + "-");
        } catch (IOException e) {
            throw new McollectiveException(
                    "Cannot create the embedded broker's " + purpose + " directory in "
                            + System.getProperty("java.io.tmpdir")
                            + ": " + e.getMessage(),
                    e);
        }
    }

    /** Deletes {@code dir} and everything in it; a failure is logged, never thrown. */
    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not remove the embedded broker's directory {}: {}", dir, e.toString());
        }
    }
}
