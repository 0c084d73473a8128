package mcollective.soak;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of {@code bin/soak}.
 *
 * @param count       messages to send at most
 * @param seconds     seconds to run at most
 * @param seed        the random seed (same seed, same messages)
 * @param checkEvery  messages between liveness checks (ping, process, log)
 * @param attacks     raw STOMP attack connections over the whole run
 * @param dir         where the node's configs, logs and the replay file go
 * @param frames      the golden frames directory (seeds)
 * @param replay      a file of messages to send instead of mutating
 * @param without     mutation kinds not to send
 */
public record SoakOptions(
        long count,
        long seconds,
        long seed,
        long checkEvery,
        int attacks,
        Path dir,
        Path frames,
        Optional<Path> replay,
        Set<Mutation.Kind> without) {
    static final String USAGE = """
            Usage: bin/soak [--count N] [--seconds S] [--seed N] [--check-every N] [--attacks N]
                            [--dir DIR] [--frames DIR] [--replay FILE] [--without KIND,..] [--help]
            Starts mcollectived (embedded broker, psk, yaml facts) as a separate process and sends it mutated
            requests built from reference/frames, plus malformed STOMP at its broker; checks every N messages that
            the node still answers `mco ping`, and reports what was sent, what the node refused (daemon_stats)
            and its memory. Exits 0 only if the node survived; otherwise the last messages are saved for --replay.
              --count N        messages to send (default 1000000)
              --seconds S      stop after S seconds (default 1800)
              --seed N         random seed (default 1)
              --check-every N  ping the node every N messages (default 20000)
              --attacks N      raw STOMP attack connections in the run (default 400)
              --dir DIR        run directory (default run/soak)
              --frames DIR     seed frames (default reference/frames)
              --without KINDS  leave out these mutation kinds, e.g. NESTED_FILTER,DEEP_NESTING
              --replay FILE    send the messages saved in FILE (by a failed run), then check the node
            """;

    /** Parses the arguments; throws IllegalArgumentException with the usage on a bad one. */
    static SoakOptions parse(String[] args, Path root) {
        long count = 1_000_000;
        long seconds = 1800;
        long seed = 1;
        long checkEvery = 20_000;
        int attacks = 400;
        Path dir = root.resolve("run/soak");
        Path frames = root.resolve("reference/frames");
        Optional<Path> replay = Optional.empty();
        Set<Mutation.Kind> without = EnumSet.noneOf(Mutation.Kind.class);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new HelpRequested();
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value for " + arg + "\n" + USAGE);
            }
            String value = args[++i];
            switch (arg) {
                case "--count" -> count = Long.parseLong(value);
                case "--seconds" -> seconds = Long.parseLong(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--check-every" -> checkEvery = Long.parseLong(value);
                case "--attacks" -> attacks = Integer.parseInt(value);
                case "--dir" -> dir = Path.of(value).toAbsolutePath();
                case "--frames" -> frames = Path.of(value).toAbsolutePath();
                case "--without" ->
                    Arrays.stream(value.split(","))
                            .forEach(k ->
                                    without.add(Mutation.Kind.valueOf(k.trim().toUpperCase())));
                case "--replay" -> replay = Optional.of(Path.of(value).toAbsolutePath());
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
            }
        }
        return new SoakOptions(count, seconds, seed, Math.max(1, checkEvery), attacks, dir, frames, replay, without);
    }

    /** Thrown for {@code --help}. */
    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
