package mcollective.matcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code classesfile} (one configuration-management class per line, as Puppet writes {@code classes.txt}), read
 * as util.rb {@code has_cf_class?} does: lines with their line terminator removed (Ruby's {@code chomp}, so other
 * whitespace is kept). Ruby re-reads the file on every check; this class re-reads it only when its modification time or
 * size changed. A missing or unreadable file means no classes and is logged at warn once until it changes.
 * Thread-safe.
 */
public final class ClassesFile {
    private static final Logger LOG = LoggerFactory.getLogger(ClassesFile.class);
    private static final long MAX_BYTES = 16L * 1024 * 1024;

    private final Path path;
    private Snapshot snapshot = new Snapshot(null, -1, List.of());

    /** @param path the {@code classesfile} setting; never null; need not exist */
    public ClassesFile(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    /** @return the file this reads */
    public Path path() {
        return path;
    }

    /**
     * @return the lines of the file in order, unmodifiable; empty if the file is missing or unreadable
     */
    public synchronized List<String> classes() {
        FileTime mtime;
        long size;
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            mtime = attributes.lastModifiedTime();
            size = attributes.size();
        } catch (IOException e) {
            if (snapshot.mtime != null || snapshot.size != -2) {
                LOG.warn("Parsing classes file '{}' failed: {}", path, e.toString());
            }
            snapshot = new Snapshot(null, -2, List.of());
            return snapshot.classes;
        }
        if (mtime.equals(snapshot.mtime) && size == snapshot.size) {
            return snapshot.classes;
        }
        try {
            if (size > MAX_BYTES) {
                throw new IOException("file is larger than " + MAX_BYTES + " bytes");
            }
            String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
            snapshot = new Snapshot(mtime, size, lines(text));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Parsing classes file '{}' failed: {}", path, e.toString());
            snapshot = new Snapshot(mtime, size, List.of());
        }
        return snapshot.classes;
    }

    /** Ruby's {@code File.readlines(f).map(&:chomp)}. */
    static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return Arrays.stream(body.split("\n", -1))
                .map(line -> line.endsWith("\r") ? line.substring(0, line.length() - 1) : line)
                .toList();
    }

    private record Snapshot(FileTime mtime, long size, List<String> classes) {}
}
