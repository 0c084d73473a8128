package mcollective.testkit.fleet;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One node of a {@link WithFleet} fleet, as {@link NodeSpec} describes it in code: its identity, what runs it, its
 * facts, classes and collectives, and extra {@code server.cfg} lines.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface FleetNode {
    /** The identity. */
    String value();

    /** What runs it (default: a Java node in the test JVM). */
    NodeKind kind() default NodeKind.JAVA;

    /** Facts as {@code name=value}, written as yaml. */
    String[] facts() default {};

    /** Classes of its classes file. */
    String[] classes() default {};

    /** Its collectives; the first is its main collective. */
    String[] collectives() default {"mcollective"};

    /** Extra {@code server.cfg} lines ({@code key = value}); one written again overrides the fleet's. */
    String[] settings() default {};
}
