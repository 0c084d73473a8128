package mcollective.testkit.fleet;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

import mcollective.testkit.McoResult;

/**
 * Runs the Java node and the Java {@code mco} inside the test JVM, for a {@link Fleet}'s {@link NodeKind#JAVA}
 * nodes and {@link Fleet#mco}. The test kit cannot see mco-server and mco-client (they test with it), so a module
 * that has both provides one implementation, named in
 * {@code META-INF/services/mcollective.testkit.fleet.InProcessJava} on its test class path, and the fleet finds it
 * with {@link ServiceLoader}. Implementations need a public no-argument constructor and must be
 * thread-safe.
 */
public interface InProcessJava {
    /**
     * Starts a node from its config file as {@code bin/mcollectived} would read it (with an empty environment, and
     * without touching the JVM's logging), and returns once it is subscribed.
     */
    StartedNode startNode(Path serverConfig);

    /** Runs the {@code mco} command line {@code args}; {@code stdin}, when present, is piped in. */
    McoResult mco(Optional<String> stdin, List<String> args);

    /** A node {@link #startNode} started. */
    interface StartedNode {
        /** A runner counter ({@code total}, {@code malformed}, ...), read live. */
        long stat(String counter);

        /** Stops the node. Called once. */
        void stop();
    }
}
