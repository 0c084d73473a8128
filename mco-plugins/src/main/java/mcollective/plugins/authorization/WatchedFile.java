package mcollective.plugins.authorization;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A file parsed once per version: read again only when its modification time or size changed, so that an edited
 * policy applies to the next request without a restart. Thread-safe.
 *
 * @param <T> what the file parses into
 */
final class WatchedFile<T> {
    /** Policy and groups files are small; anything larger is refused rather than read. */
    static final long MAX_BYTES = 1024L * 1024;

    private final Path path;
    private final BiFunction<Path, String, T> parser;
    private Version<T> version;

    /** @param parser makes the value from the path and the text; it must not throw */
    WatchedFile(Path path, BiFunction<Path, String, T> parser) {
        this.path = Objects.requireNonNull(path, "path");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    Path path() {
        return path;
    }

    /**
     * @return the parsed file as it is now; empty if the file does not exist
     * @throws IOException if it exists but cannot be read, or is larger than {@value #MAX_BYTES} bytes
     */
    synchronized Optional<T> current() throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            version = null;
            return Optional.empty();
        }
        if (version != null
                && version.mtime.equals(attributes.lastModifiedTime())
                && version.size == attributes.size()) {
            return Optional.of(version.value);
        }
        if (!attributes.isRegularFile()) {
            throw new IOException("it is not a regular file");
        }
        if (attributes.size() > MAX_BYTES) {
            throw new IOException("it is larger than " + MAX_BYTES + " bytes");
        }
        String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        version = new Version<>(attributes.lastModifiedTime(), attributes.size(), parser.apply(path, text));
        return Optional.of(version.value);
    }

    private record Version<T>(FileTime mtime, long size, T value) {}
}
