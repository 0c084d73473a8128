package mcollective.plugins.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import mcollective.McollectiveException;

/**
 * The callerid a psk client sends, per {@code plugin.psk.callertype} ({@code security/psk.rb callerid}):
 * {@code uid=N} (default), {@code gid=N}, {@code group=NAME}, {@code user=LOGIN} or {@code identity=IDENTITY}.
 */
final class CallerIds {
    private CallerIds() {}

    static String forType(String callerType, String identity) {
        return switch (callerType) {
            case "uid" -> "uid=" + unixId("uid");
            case "gid" -> "gid=" + unixId("gid");
            case "group" -> "group=" + groupName(unixId("gid"));
            case "user" -> "user=" + System.getProperty("user.name");
            case "identity" -> "identity=" + identity;
            default ->
                throw new McollectiveException("Unknown plugin.psk.callertype '" + callerType
                        + "'; use one of uid, gid, group, user, identity");
        };
    }

    private static long unixId(String attribute) {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:" + attribute)).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            throw new McollectiveException("Cannot read this process's " + attribute + ": " + e.getMessage(), e);
        }
    }

    private static String groupName(long gid) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/etc/group"));
            for (String line : lines) {
                String[] fields = line.split(":", -1);
                if (fields.length > 2 && fields[2].equals(Long.toString(gid))) {
                    return fields[0];
                }
            }
        } catch (IOException e) {
            // fall through to the number, as Ruby's Etc lookup would fail too
        }
        return Long.toString(gid);
    }
}
