package mcollective.testkit;

import java.util.List;

/**
 * What one {@code mco} run printed, and its exit code: the same for the Java and the Ruby client, so tests compare
 * the two directly.
 *
 * @param exitCode the exit code
 * @param out      standard output
 * @param err      standard error
 */
public record McoResult(int exitCode, String out, String err) {
    /** Standard output, line by line. */
    public List<String> lines() {
        return out.lines().toList();
    }
}
