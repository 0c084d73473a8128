package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import mcollective.testkit.McoResult;
import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.FleetNode;
import mcollective.testkit.fleet.WithFleet;

/** STOMP 1.1 with heart-beats ({@code heartbeat_interval}) against the embedded broker, node and client alike. */
@WithFleet(nodes = @FleetNode(value = "hb.example.net", settings = "plugin.activemq.heartbeat_interval = 30"))
class Stomp11IT {
    Fleet fleet;

    @Test
    void shouldDiscoverOverStomp11WithHeartbeats() {
        McoResult run = fleet.mco(
                fleet.clientConfig("heartbeat.cfg", "plugin.activemq.heartbeat_interval = 30"),
                "find",
                "--dt",
                "1",
                "-I",
                "/hb/");

        assertThat(run.err()).isEmpty();
        assertThat(run.lines()).containsExactly("hb.example.net");
    }
}
