package mcollective.testkit.fleet;

import mcollective.testkit.JavaDaemon;
import mcollective.testkit.RubyNode;
import mcollective.testkit.RunningNode;

/** What runs a node of a {@link Fleet}. */
public enum NodeKind {
    /**
     * A Java node inside the test JVM, started from its {@code server.cfg} by the {@link InProcessJava} on the test
     * class path; its counters can be read directly ({@link RunningNode#stat}).
     */
    JAVA,
    /** A Java node as a user runs it: {@code bin/mcollectived} in its own JVM ({@link JavaDaemon}). */
    JAVA_DAEMON,
    /** Debian's Ruby MCollective 2.12.5 {@code mcollectived} ({@link RubyNode}). */
    RUBY
}
