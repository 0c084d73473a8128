package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.config.Config;
import mcollective.plugin.PluginRegistry;
import mcollective.server.Node;

/** STOMP 1.1 with heart-beats ({@code heartbeat_interval}) against the embedded broker, node and client alike. */
class Stomp11IT {
    @TempDir
    Path dir;

    @Test
    void shouldDiscoverOverStomp11WithHeartbeats() {
        try (JavaFleet fleet = new JavaFleet(dir)) {
            Config config = fleet.baseConfig(List.of("mcollective"))
                    .set("identity", "hb.example.net")
                    .set("plugin.activemq.heartbeat_interval", "30")
                    .set("plugin.yaml", dir.resolve("none.yaml").toString())
                    .build();
            try (Node node = new Node(config, PluginRegistry.discover())) {
                node.start();
                String cfg = fleet.clientConfig("client.cfg", "plugin.activemq.heartbeat_interval = 30")
                        .toString();

                McoRun run = McoRun.run("find", "-c", cfg, "--dt", "1", "-I", "/hb/");

                assertThat(run.err()).isEmpty();
                assertThat(run.lines()).containsExactly("hb.example.net");
            }
        }
    }
}
