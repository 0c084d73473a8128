/**
 * Test fleets for integration tests: {@link mcollective.testkit.fleet.WithFleet} on a JUnit 5 test class (or
 * method) starts a {@link mcollective.testkit.fleet.Fleet} of an embedded broker, Java nodes (in the test JVM or as
 * {@code bin/mcollectived}) and Ruby nodes, with client configs for the Java and the Ruby {@code mco}, and tears it
 * down afterwards ({@link mcollective.testkit.fleet.FleetExtension}). Nodes are declared with
 * {@link mcollective.testkit.fleet.FleetNode} or, when they need what a test prepares first, with
 * {@link mcollective.testkit.fleet.NodeSpec}.
 *
 * <p>The test kit sees only mco-core and mco-broker; Java nodes and the Java {@code mco} in the test JVM come from
 * the one {@link mcollective.testkit.fleet.InProcessJava} on the test class path (mco-it provides it), so the
 * server's and the client's classes are touched in one file. Everything listens on 127.0.0.1 on ephemeral ports.
 */
package mcollective.testkit.fleet;
