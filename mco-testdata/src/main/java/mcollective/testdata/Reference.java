package mcollective.testdata;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What was measured on the real MCollective 2.12.5 and Chef, kept in {@code reference/} at the repository root:
 * golden frames ({@code frames/}), the throw-away keys they were made with ({@code keys/}), the real {@code mco}
 * output ({@code outputs/}), Chef API recordings and signing vectors ({@code chef/}). The one place tests find it.
 *
 * <p>Tests run with a module directory as their working directory, so the root is the nearest directory at or above
 * it that holds both {@code pom.xml} and {@code reference/}. A test that needs a file that is not there fails loudly.
 */
public final class Reference {
    private static final String DIRECTORY = "reference";

    private Reference() {}

    /**
     * @param part a path below {@code reference/}, e.g. {@code frames} or {@code chef/partial-search.json}
     * @return that file or directory
     * @throws IllegalStateException naming what was looked for and from where, when it is not there
     */
    public static Path path(String part) {
        Path file = root().resolve(part);
        if (!Files.exists(file)) {
            throw new IllegalStateException("Reference data " + DIRECTORY + "/" + part + " is missing from " + root());
        }
        return file;
    }

    /** The {@code reference/} directory itself. */
    public static Path root() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml"))
                    && Files.isDirectory(dir.resolve(DIRECTORY).resolve("frames"))) {
                return dir.resolve(DIRECTORY);
            }
        }
        throw new IllegalStateException("No " + DIRECTORY + "/ directory beside a pom.xml at or above " + start);
    }
}
