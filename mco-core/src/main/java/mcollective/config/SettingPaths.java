package mcollective.config;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks of the files that settings name, made once when a node starts so that a bad path stops it with a message
 * naming the key and the path instead of leaving it running without a log, facts or classes. Ruby MCollective makes
 * none of these checks: it prints {@code Could not start logger} for every line it cannot log, and logs a failed
 * facts or classes read on every request. Each method throws a {@link ConfigException} such as
 * {@code logfile '/var/log' is a directory}.
 */
public final class SettingPaths {
    private SettingPaths() {}

    /**
     * A file the node reads when it exists: a missing file passes (callers that read it treat that as empty, as Ruby
     * does), but one that exists must be a readable regular file.
     *
     * @param key  the setting, as written in the config file (e.g. {@code classesfile}, {@code plugin.yaml})
     * @param file the path it names
     */
    public static void requireReadableIfPresent(String key, Path file) {
        if (!Files.exists(file)) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw problem(key, file, "is a directory");
        }
        if (!Files.isReadable(file)) {
            throw problem(key, file, "is not readable");
        }
    }

    /**
     * A file the node appends to: created if missing, in a directory that must exist; never a directory.
     *
     * @param key  the setting, e.g. {@code logfile}
     * @param file the path it names
     */
    public static void requireAppendable(String key, Path file) {
        if (Files.isDirectory(file)) {
            throw problem(key, file, "is a directory");
        }
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.flush();
        } catch (NoSuchFileException e) {
            throw problem(key, file, "cannot be created: its directory does not exist");
        } catch (AccessDeniedException e) {
            throw problem(key, file, "cannot be written: permission denied");
        } catch (IOException e) {
            throw problem(key, file, "cannot be written: " + reason(e));
        }
    }

    /** The operating system's reason without the path, which the message names already. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static ConfigException problem(String key, Path file, String what) {
        return new ConfigException(key + " '" + file + "' " + what);
    }
}
