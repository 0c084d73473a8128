package mcollective.plugins.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

import mcollective.logging.LogSafe;

/**
 * A log file the audit plugins append one line to per record, opened for each line as Ruby's
 * {@code File.open(logfile, "a")} is, so that logrotate may move it at any time. One write per line, so lines from
 * several workers do not interleave. Thread-safe.
 */
public final class AuditFile {
    private final String key;
    private final Path path;
    private final Optional<Set<PosixFilePermission>> mode;

    /**
     * @param key  the setting that named the file, for messages ({@code plugin.rpcaudit.logfile})
     * @param mode the permissions of a file created here (empty: the process umask decides, as in Ruby)
     */
    public AuditFile(String key, Path path, Optional<String> mode) {
        this.key = key;
        this.path = path;
        this.mode = mode.map(PosixFilePermissions::fromString);
    }

    public Path path() {
        return path;
    }

    /**
     * Appends {@code line} and a newline, creating the file if needed.
     *
     * @throws UncheckedIOException naming the key, the file and the reason
     */
    public synchronized void append(String line) {
        try {
            if (mode.isPresent() && !Files.exists(path)) {
                try {
                    Files.createFile(path, PosixFilePermissions.asFileAttribute(mode.get()));
                } catch (FileAlreadyExistsException raced) {
                    // another process made it meanwhile: append to it
                }
            }
            Files.write(
                    path,
                    (line + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    key + " '" + path + "' cannot be written: " + e.getClass().getSimpleName() + " "
                            + LogSafe.of(e.getMessage()),
                    e);
        }
    }
}
