package mcollective.plugins.security;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code ../shared/reference/frames} beside the repository root, failing loudly when it is missing. */
final class ReferenceFrames {
    private ReferenceFrames() {
    }

    static Path dir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("mco-core"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find the repository root above " + Path.of("").toAbsolutePath());
        }
        // shared/ sits beside the repository (CI, main checkout) or beside one of its parents (worktrees).
        Path frames = dir.resolveSibling("shared").resolve("reference").resolve("frames");
        for (Path up = dir.getParent(); !Files.isDirectory(frames) && up != null; up = up.getParent()) {
            frames = up.resolveSibling("shared").resolve("reference").resolve("frames");
        }
        if (!Files.isDirectory(frames)) {
            throw new IllegalStateException("The golden frames are missing: " + frames
                    + " (shared/ must sit beside the repository)");
        }
        return frames;
    }
}
