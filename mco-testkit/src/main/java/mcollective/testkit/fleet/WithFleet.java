package mcollective.testkit.fleet;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class (or one test method) its {@link Fleet}: a broker, nodes and client configs, started before
 * the first test and torn down after the last. The fleet is handed to constructors, lifecycle and test methods that
 * declare a {@code Fleet} parameter, and put into the test's fields of type {@code Fleet}; nested test classes see
 * their enclosing class's fleet. Nodes the fleet can only know at run time (paths of files a test writes first) are
 * started with {@link Fleet#start(NodeSpec)} in a {@code @BeforeAll} method, and go down with the fleet.
 *
 * <p>On a method, the fleet lives for that method (each invocation of a parameterized one) and takes precedence
 * over a class's. As a meta-annotation it names a fleet several test classes share.
 *
 * <p>A missing prerequisite (Ruby MCollective not installed, mco-server not packaged, no {@link InProcessJava}) fails
 * the tests loudly; they are never skipped.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(FleetExtension.class)
public @interface WithFleet {
    /** Nodes written in code, started before {@link #nodes()}. */
    Class<? extends NodePlan> plan() default NodePlan.None.class;

    /** The nodes, started in this order (processes all at once). */
    FleetNode[] nodes() default {};

    /** So many more Java nodes in the test JVM, {@code java1.example.net}, {@code java2.example.net}, ... */
    int javaNodes() default 0;

    /** So many more Ruby nodes, {@code ruby1.example.net}, {@code ruby2.example.net}, ... */
    int rubyNodes() default 0;

    /** The broker (default: an embedded one on an ephemeral port). */
    Broker broker() default Broker.EMBEDDED;

    /** Extra settings of the embedded broker. */
    Class<? extends BrokerSettings> brokerSettings() default BrokerSettings.Defaults.class;

    /** The collectives the clients know; the first is the main one. */
    String[] collectives() default {"mcollective"};

    /** The psk every node and client shares. */
    String psk() default Fleet.PSK;

    /** The security plugin of every node and client (default: psk with {@link #psk()}). */
    Class<? extends FleetSecurity> security() default FleetSecurity.Psk.class;
}
