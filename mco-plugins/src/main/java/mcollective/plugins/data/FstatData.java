package mcollective.plugins.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import mcollective.McollectiveException;
import mcollective.spi.PluginContext;

/**
 * Port of {@code lib/mcollective/data/fstat_data.rb}: a file's {@code name}, {@code output} ({@code present} or
 * {@code not present}), {@code present} (1 or 0), {@code size}, {@code mode} (the whole {@code st_mode} in octal,
 * {@code 100644}), {@code md5} (regular files only), {@code mtime}/{@code ctime}/{@code atime} ({@code %F %T}, local
 * time), their {@code _seconds} and {@code _age}, {@code uid}, {@code gid} and {@code type} (file, directory,
 * symlink, socket, chardev, blockdev or unknown). A symbolic link is described itself, not its target; a missing
 * file (or a dangling link) gets Ruby's placeholders: zeros, mode {@code 0000}, no ages. Thread-safe.
 */
public final class FstatData extends DdlDataPlugin {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> ZEROS = List.of(
            "size", "mtime", "ctime", "atime", "mtime_seconds", "ctime_seconds", "atime_seconds", "md5", "uid", "gid");
    private static final int TYPE_BITS = 0170000;
    private static final Map<Integer, String> TYPES = Map.of(
            0140000,
            "socket",
            0120000,
            "symlink",
            0100000,
            "file",
            0060000,
            "blockdev",
            0040000,
            "directory",
            0020000,
            "chardev");

    private volatile Clock clock = Clock.systemDefaultZone();

    @Override
    public String name() {
        return "fstat";
    }

    @Override
    public void init(PluginContext context) {
        super.init(context);
        clock = context.clock();
    }

    @Override
    public Map<String, Object> query(Optional<String> argument) {
        String file = argument.orElseThrow(() -> new McollectiveException("fstat needs a file name"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", file);
        result.put("output", "not present");
        result.put("type", "unknown");
        result.put("mode", "0000");
        result.put("present", 0);
        ZEROS.forEach(key -> result.put(key, 0));
        Path path = Path.of(file);
        if (!Files.exists(path)) {
            return result;
        }
        result.put("output", "present");
        result.put("present", 1);
        try {
            LinkOption[] options =
                    Files.isSymbolicLink(path) ? new LinkOption[] {LinkOption.NOFOLLOW_LINKS} : new LinkOption[0];
            Map<String, Object> stat = Files.readAttributes(
                    path, "unix:size,uid,gid,mode,lastModifiedTime,ctime," + "lastAccessTime", options);
            result.put("size", ((Number) stat.get("size")).longValue());
            result.put("uid", ((Number) stat.get("uid")).longValue());
            result.put("gid", ((Number) stat.get("gid")).longValue());
            long now = clock.instant().getEpochSecond();
            time(result, "mtime", (FileTime) stat.get("lastModifiedTime"), now);
            time(result, "ctime", (FileTime) stat.get("ctime"), now);
            time(result, "atime", (FileTime) stat.get("lastAccessTime"), now);
            int mode = (Integer) stat.get("mode");
            result.put("mode", Integer.toOctalString(mode));
            String type = TYPES.getOrDefault(mode & TYPE_BITS, "unknown");
            if (type.equals("file")) {
                result.put("md5", md5(path));
            }
            result.put("type", type);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            throw new McollectiveException("Cannot stat " + file + ": " + e);
        }
        return result;
    }

    private void time(Map<String, Object> result, String name, FileTime time, long now) {
        long seconds = Math.floorDiv(time.toMillis(), 1000);
        result.put(name, TIME.format(time.toInstant().atZone(ZoneId.systemDefault())));
        result.put(name + "_seconds", seconds);
        result.put(name + "_age", now - seconds);
    }

    private static String md5(Path path) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this Java runtime", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
