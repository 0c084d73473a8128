package mcollective.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What was measured on the real MCollective and Chef, in {@code shared/reference/} beside the repository (for a git
 * worktree or a module directory, beside one of its parents). A test that needs it and cannot find it fails loudly.
 */
public final class Reference {
    private Reference() {
    }

    /**
     * @param part a path below {@code shared/reference}, e.g. {@code chef} or {@code chef/partial-search.json}
     * @return that file or directory
     * @throws IllegalStateException naming what was looked for, when it is not there
     */
    public static Path path(String part) {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null && dir.getParent() != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("reference").resolve(part);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/reference/" + part + " is missing beside the repository (looked up from "
                + start + ")");
    }
}
