package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.plugins.connector.stomp.StompClient;
import mcollective.plugins.connector.stomp.StompClientOptions;
import mcollective.plugins.connector.stomp.StompHost;
import mcollective.testkit.HostilePayloads;
import mcollective.testkit.JavaDaemon;
import mcollective.testkit.McoResult;
import mcollective.testkit.fleet.Broker;
import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.NodeSpec;
import mcollective.testkit.fleet.WithFleet;

/**
 * The daemon as a user runs it: {@code bin/mcollectived} with {@code --config} and {@code --pidfile}, bringing its own
 * embedded broker; {@code mco ping} answers; SIGTERM stops it cleanly and removes the pidfile; no payload forges a
 * line in its logfile; it exits 1 rather than live on deaf.
 */
class McollectivedIT {
    private static final String IDENTITY = "daemon.example.net";

    @TempDir
    Path dir;

    @Test
    @WithFleet(broker = Broker.NONE)
    void shouldServeWithItsEmbeddedBrokerAndStopCleanlyOnSigterm(Fleet fleet) throws Exception {
        JavaDaemon daemon = startDaemon(fleet, embeddedBroker(fleet));
        assertThat(Files.readString(daemon.pidfile()).strip()).isEqualTo(Long.toString(daemon.pid()));

        assertThat(ping(fleet).out()).startsWith("daemon.example.net ").contains("1 replies");

        daemon.signal("TERM");
        assertThat(daemon.waitFor(Duration.ofSeconds(30)))
                .as("stopped after SIGTERM")
                .isTrue();
        assertThat(daemon.exitValue())
                .as("exit status after SIGTERM, as Ruby's")
                .isZero();
        assertThat(daemon.pidfile()).doesNotExist();
        assertThat(daemon.log()).contains("Node daemon.example.net stopped").doesNotContain("Exception");
    }

    /**
     * Issue 8: a 66-byte payload whose Marshal Float text holds a line break and a complete ERROR line, sent over
     * the broker (broadcast and directed), leaves one escaped WARN line each in the logfile and no forged line.
     */
    @Test
    @WithFleet(broker = Broker.NONE)
    void shouldNotLetAFloatTextForgeALineInTheLogfile(Fleet fleet) throws Exception {
        JavaDaemon daemon = startDaemon(fleet, embeddedBroker(fleet));
        try (StompClient attacker = new StompClient(StompClientOptions.builder()
                .host(StompHost.plain("127.0.0.1", fleet.port(), Fleet.USER, Fleet.PASSWORD))
                .build())) {
            attacker.connect();
            assertThat(ping(fleet).out()).contains("1 replies"); // the node is subscribed: a broadcast reaches it
            attacker.send("/topic/mcollective.discovery.agent", Map.of(), HostilePayloads.forgedLogLine());
            attacker.send("/queue/mcollective.nodes", Map.of("mc_identity", IDENTITY), HostilePayloads.forgedLogLine());

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(daemon.log().lines())
                            .filteredOn(line -> line.contains("Rejecting a malformed message"))
                            .hasSize(2));
            assertThat(ping(fleet).out()).startsWith("daemon.example.net ").contains("1 replies");
            assertThat(daemon.log().lines())
                    .noneMatch(line -> line.startsWith(HostilePayloads.FORGED_LINE))
                    .filteredOn(line -> line.contains("Rejecting a malformed message"))
                    .hasSize(2)
                    .allMatch(line -> line.startsWith("W, [")
                            && line.contains("WARN -- : RequestProcessor: ")
                            && line.contains("1.0\\n" + HostilePayloads.FORGED_LINE));
        }
    }

    /**
     * A daemon whose connection cannot be restarted (its broker is gone for good, and it gives up reconnecting
     * after one attempt) exits 1 for its supervisor, instead of living on deaf.
     */
    @Test
    @WithFleet
    void shouldExitOneWhenItsConnectionCannotBeRestarted(Fleet fleet) throws Exception {
        JavaDaemon daemon = startDaemon(
                fleet, "plugin.activemq.max_reconnect_attempts = 1", "plugin.activemq.initial_reconnect_delay = 0.05");
        fleet.stopBroker();

        assertThat(daemon.waitFor(Duration.ofSeconds(60))).as("exited").isTrue();
        assertThat(daemon.exitValue()).isEqualTo(1);
        assertThat(daemon.log().lines())
                .anySatisfy(line -> assertThat(line)
                        .startsWith("E, [")
                        .contains("Node daemon.example.net cannot receive after 3 restarts of its connection: "
                                + "gave up reconnecting: Could not connect to")
                        .contains("; now: restarting the connection failed: Could not connect to ActiveMQ Server"));
    }

    /** The daemon's own embedded broker, on the port the fleet's configs name. */
    private static String[] embeddedBroker(Fleet fleet) {
        return new String[] {"plugin.broker.embedded = 1", "plugin.broker.port = " + fleet.port()};
    }

    /** Starts {@code bin/mcollectived} in the fleet with these extra settings and waits until it serves. */
    private static JavaDaemon startDaemon(Fleet fleet, String... settings) {
        fleet.start(NodeSpec.daemon(IDENTITY).fact("platform", "centos").settings(settings));
        return fleet.daemon(IDENTITY);
    }

    private static McoResult ping(Fleet fleet) {
        return fleet.mco("ping", "--expect", "1", "-t", "10");
    }

    @Test
    void shouldRefuseToStartOnAnUnknownPluginNamingTheAvailableOnes() throws IOException, InterruptedException {
        Path config = Files.write(
                dir.resolve("server.cfg"), List.of("connector = stompx", "plugin.psk = x", "logger_type = console"));
        try (JavaDaemon daemon = JavaDaemon.start(config)) {
            assertThat(daemon.waitFor(Duration.ofSeconds(60))).isTrue();
            assertThat(daemon.exitValue()).isEqualTo(1);
            assertThat(daemon.output()).contains("No connector plugin 'stompx'; available: [activemq]");
            assertThat(dir.resolve("stdout.log").toFile().length()).isLessThan(2000);
        }
    }
}
