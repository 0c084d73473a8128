package mcollective.testkit.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import mcollective.testdata.Reference;

/** The throw-away keys of {@code reference/keys} (see its README.txt), copied under a fleet directory. */
final class ReferenceKeys {
    private ReferenceKeys() {}

    /** The copy of reference/keys at {@code <fleetDir>/<name>}, made on first use. */
    static synchronized Path copy(Path fleetDir, String name) {
        Path target = fleetDir.resolve(name);
        if (Files.isDirectory(target)) {
            return target;
        }
        Path source = Reference.path("keys");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + source + " to " + target, e);
        }
        return target;
    }
}
