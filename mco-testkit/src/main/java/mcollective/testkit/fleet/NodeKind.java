package mcollective.testkit.fleet;

/** What runs a node of a {@link Fleet}. */
public enum NodeKind {
    /**
     * A Java node inside the test JVM, started from its {@code server.cfg} by the {@link InProcessJava} on the test
     * class path; its counters can be read directly ({@link mcollective.testkit.RunningNode#stat}).
     */
    JAVA,
    /** A Java node as a user runs it: {@code bin/mcollectived} in its own JVM ({@link mcollective.testkit.JavaDaemon}). */
    JAVA_DAEMON,
    /** Debian's Ruby MCollective 2.12.5 {@code mcollectived} ({@link mcollective.testkit.RubyNode}). */
    RUBY
}
