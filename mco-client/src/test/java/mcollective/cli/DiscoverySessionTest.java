package mcollective.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.client.Discovered;
import mcollective.client.DiscoveryListener;
import mcollective.config.Config;
import mcollective.plugin.PluginRegistry;
import mcollective.protocol.Filter;

/** The CLI's side of discovery: MCollective's discovery line, printed from what the client library reports. */
class DiscoverySessionTest {
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    DiscoverySession session(String... settings) {
        var config = Config.builder().environment(Map.of()).set("identity", "client.example.net");
        for (String setting : settings) {
            String[] pair = setting.split("=", 2);
            config.set(pair[0], pair[1]);
        }
        AppContext context = new AppContext(
                config.build(),
                PluginRegistry.discover(),
                new PrintWriter(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintWriter(err, true, StandardCharsets.UTF_8),
                new Stdin(new ByteArrayInputStream(new byte[0]), false),
                Map.of(),
                false);
        return new DiscoverySession(context, new CommonOptions());
    }

    String printed() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintTheLineOfABroadcastDiscoveryWithItsTimeout() {
        DiscoveryListener line = session().progress(true);

        line.discovering("mc", Duration.ofSeconds(2));
        line.discovered("mc", List.of("a", "b", "c"));

        assertThat(printed()).isEqualTo("Discovering hosts using the mc method for 2 second(s) .... 3\n");
    }

    @Test
    void shouldPrintTheLineOfAnOfflineDiscoveryWithoutATimeout() throws IOException {
        Path nodes = Files.writeString(dir.resolve("nodes"), "node1.example.net\nnode2.example.net\n");
        DiscoverySession session = session("default_discovery_method=flatfile", "default_discovery_options=" + nodes);

        Discovered found = session.discover(Filter.empty().withAgent("rpcutil"), true, Optional.of("rpcutil"));

        assertThat(found.nodes()).containsExactly("node1.example.net", "node2.example.net");
        assertThat(printed()).isEqualTo("Discovering hosts using the flatfile method .... 2\n");
    }

    @Test
    void shouldPrintNothingUnlessVerbose() throws IOException {
        Path nodes = Files.writeString(dir.resolve("nodes"), "node1.example.net\n");
        DiscoverySession session = session("default_discovery_method=flatfile", "default_discovery_options=" + nodes);

        session.discover(Filter.empty(), false, Optional.empty());

        assertThat(printed()).isEmpty();
    }

    @Test
    void shouldPrintNothingWhenPlainIdentitiesNeedNoDiscovery() {
        Discovered found = session()
                .discover(Filter.builder().addIdentity("node1.example.net").build(), true, Optional.empty());

        assertThat(found.nodes()).containsExactly("node1.example.net");
        assertThat(printed()).isEmpty();
    }
}
