package mcollective.testkit.fleet;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import mcollective.testkit.McoResult;

/**
 * A stand-in for the Java node and {@code mco} in the test JVM, which the test kit cannot see: it records the
 * configs it was asked to start and stop, counts every counter as the length of its name, and answers an mco run
 * with its arguments (and what was piped in) on stdout.
 */
public final class RecordingInProcessJava implements InProcessJava {
    static final List<Path> STARTED = new CopyOnWriteArrayList<>();
    static final List<Path> STOPPED = new CopyOnWriteArrayList<>();

    @Override
    public StartedNode startNode(Path serverConfig) {
        STARTED.add(serverConfig);
        return new StartedNode() {
            @Override
            public long stat(String counter) {
                return counter.length();
            }

            @Override
            public void stop() {
                STOPPED.add(serverConfig);
            }
        };
    }

    @Override
    public McoResult mco(Optional<String> stdin, List<String> args) {
        return new McoResult(
                0, String.join(" ", args) + stdin.map(text -> " < " + text).orElse(""), "");
    }

    static void reset() {
        STARTED.clear();
        STOPPED.clear();
    }
}
