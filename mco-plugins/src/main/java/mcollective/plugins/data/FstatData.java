package mcollective.plugins.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import mcollective.McollectiveException;
import mcollective.spi.DataPlugin;

/** Port of {@code lib/mcollective/data/fstat_data.rb}: a file's presence, size, mode, times, owner and MD5. */
public final class FstatData implements DataPlugin {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Override
    public String name() {
        return "fstat";
    }

    @Override
    public Map<String, Object> query(Optional<String> argument) {
        String file = argument.orElseThrow(() -> new McollectiveException("fstat needs a file name"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", file);
        result.put("output", "not present");
        result.put("type", "unknown");
        result.put("mode", "0000");
        result.put("present", 0L);
        for (String key : new String[] {"size", "mtime", "ctime", "atime", "mtime_seconds", "ctime_seconds",
            "atime_seconds", "md5", "uid", "gid"}) {
            result.put(key, 0L);
        }
        Path path = Path.of(file);
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return result;
        }
        try {
            boolean link = Files.isSymbolicLink(path);
            LinkOption[] options = link ? new LinkOption[] {LinkOption.NOFOLLOW_LINKS} : new LinkOption[0];
            PosixFileAttributes attrs = Files.readAttributes(path, PosixFileAttributes.class, options);
            result.put("output", "present");
            result.put("present", 1L);
            result.put("size", attrs.size());
            result.put("uid", ((Number) Files.getAttribute(path, "unix:uid", options)).longValue());
            result.put("gid", ((Number) Files.getAttribute(path, "unix:gid", options)).longValue());
            long now = System.currentTimeMillis() / 1000;
            put(result, "mtime", attrs.lastModifiedTime(), now);
            put(result, "ctime", (FileTime) Files.getAttribute(path, "unix:ctime", options), now);
            put(result, "atime", attrs.lastAccessTime(), now);
            result.put("mode", Integer.toOctalString((Integer) Files.getAttribute(path, "unix:mode", options)));
            if (attrs.isRegularFile()) {
                result.put("md5", md5(path));
                result.put("type", "file");
            } else if (attrs.isDirectory()) {
                result.put("type", "directory");
            } else if (link) {
                result.put("type", "symlink");
            } else if (attrs.isOther()) {
                result.put("type", "socket");
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new McollectiveException("Cannot stat " + file + ": " + e.getMessage());
        }
        return result;
    }

    private static void put(Map<String, Object> result, String name, FileTime time, long now) {
        long seconds = time.toMillis() / 1000;
        result.put(name, TIME.format(time.toInstant().atZone(ZoneId.systemDefault())));
        result.put(name + "_seconds", seconds);
        result.put(name + "_age", now - seconds);
    }

    private static String md5(Path path) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("MD5"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
