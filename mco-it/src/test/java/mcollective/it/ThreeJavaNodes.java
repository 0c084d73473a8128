package mcollective.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import mcollective.testkit.fleet.WithFleet;

/**
 * The fleet of the Java-only integration tests: reference nodes 1 to 3 ({@link ReferenceNodes}) as Java nodes in the
 * test JVM on the embedded broker; the clients know {@code eu_collective} too.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithFleet(
        collectives = {"mcollective", "eu_collective"},
        plan = ReferenceNodes.ThreeJava.class)
@interface ThreeJavaNodes {}
