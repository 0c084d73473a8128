package mcollective.chef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.config.Config;
import mcollective.config.ConfigBuilder;
import mcollective.plugin.PluginRegistry;
import mcollective.spi.PluginContext;
import mcollective.spi.support.AbstractFactSource;
import mcollective.testkit.ChefServerStub;
import mcollective.testkit.LogCapture;
import mcollective.testkit.MutableClock;

/** {@code factsource = chef} against a signature-checking Chef server stand-in serving a real node document. */
class ChefFactSourceTest {
    private static final String NODE = ChefServerStub.SAMPLE_NODE;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private LogCapture log;
    private ChefServerStub chef;
    private Path key;
    private Path clientRb;

    @BeforeEach
    void start() throws IOException {
        chef = ChefServerStub.start("/organizations/acme").node(ChefServerStub.sampleNode());
        key = chef.writeClientKey(dir.resolve("client.pem"));
        clientRb = Files.writeString(
                dir.resolve("client.rb"),
                "chef_server_url \"" + chef.url() + "\"\n" + "client_key File.join(current_dir, \"client.pem\")\n");
        log = LogCapture.of(AbstractFactSource.class);
    }

    @AfterEach
    void stop() {
        log.close();
        chef.close();
    }

    private ChefFactSource source(String identity, String... settings) {
        ConfigBuilder config = Config.builder()
                .environment(Map.of())
                .set("identity", identity)
                .set("fact_cache_time", "300")
                .set("plugin.chef.knife_config", clientRb.toString());
        for (int i = 0; i < settings.length; i += 2) {
            config.set(settings[i], settings[i + 1]);
        }
        ChefFactSource source = new ChefFactSource();
        source.init(new PluginContext(
                        config.build(),
                        "node",
                        PluginRegistry.builder().autoDiscover(false).build(),
                        clock,
                        Map.of(),
                        Map.of())
                .forPlugin(source.name()));
        return source;
    }

    private List<String> errors() {
        return log.messages(Level.ERROR);
    }

    @Test
    void shouldReadTheNodesOwnDocumentWithASignedRequest() {
        Map<String, Object> facts = source(NODE).facts();

        assertThat(chef.requests()).containsExactly("/nodes/" + NODE);
        assertThat(facts)
                .containsEntry("chef_environment", "dev")
                .containsEntry("roles", List.of("base", "chef-client-11"))
                .containsEntry(
                        "recipes",
                        List.of(
                                "chef-client::config",
                                "chef-client::service",
                                "ntp",
                                "openssh",
                                "mcollective",
                                "omnibus_updater",
                                "jenkins::server"))
                .containsEntry("run_list", List.of("role[base]", "role[chef-client-11]", "recipe[jenkins::server]"))
                .containsEntry("fqdn", NODE)
                .containsEntry("platform_version", "12.04")
                .containsEntry("cpu.total", "4")
                .containsEntry("cpu.0.mhz", "2400.000")
                .containsEntry("ohai_time", "1364990700.5")
                .containsEntry("uptime_seconds", "692434")
                .containsEntry("chef_packages.chef.version", "11.4.0")
                .containsEntry("virtualization.role", "guest");
        assertThat(facts.keySet())
                .noneMatch(k -> k.startsWith("lsb")
                        || k.startsWith("kernel")
                        || k.startsWith("languages")
                        || k.equals("tags")
                        || k.startsWith("blocked"));
    }

    @Test
    void shouldUseTheCacheUntilFactCacheTimeHasPassed() {
        ChefFactSource source = source(NODE);
        source.facts();
        clock.advance(Duration.ofSeconds(300));
        source.facts();
        assertThat(chef.requests()).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        source.facts();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(chef.requests()).hasSize(2));
    }

    @Test
    void shouldAnswerAtOnceWhileTheServerIsSlowToReload() {
        ChefFactSource source = source(NODE);
        Map<String, Object> good = source.facts();
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean answered = new AtomicBoolean();
        chef.route("/nodes/", (path, query) -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answered.set(true);
            return new ChefServerStub.Reply(200, ChefServerStub.sampleNode());
        });
        clock.advance(Duration.ofSeconds(301));
        try {
            assertThat(source.facts()).isEqualTo(good);
            assertThat(source.facts()).isEqualTo(good);
            assertThat(answered).as("facts() answered before the server did").isFalse();
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(chef.requests()).hasSize(2));
    }

    @Test
    void shouldMergeAttributeLevelsAndApplyTheWhitelistAsDottedPrefixes() {
        Map<String, Object> node = new LinkedHashMap<>(ChefServerStub.sampleNode());
        node.put("name", "merged");
        node.put("default", Map.of("app", Map.of("port", 80, "name", "shop", "tier", "web"), "cpu", Map.of("x", 1)));
        node.put("override", Map.of("app", Map.of("port", 8080, "hosts", List.of("a", List.of("b", "c")))));
        chef.node(node);

        Map<String, Object> facts = source(
                        "web1",
                        "plugin.chef.node_name",
                        "merged",
                        "plugin.chef.fact_whitelist",
                        "app, tags,cpu.total, hostname")
                .facts();

        assertThat(chef.requests()).containsExactly("/nodes/merged");
        assertThat(facts)
                .containsEntry("app.port", "8080")
                .containsEntry("app.name", "shop")
                .containsEntry("app.hosts", "a, b, c")
                .containsEntry("tags", "ci")
                .containsEntry("cpu.total", "4")
                .containsEntry("hostname", "ci")
                .doesNotContainKeys("cpu.real", "cpu.x", "fqdn");
    }

    @Test
    void shouldKeepTheLastGoodFactsAndLogOneLineWhenTheKeyIsRefused() {
        ChefFactSource source = source(NODE);
        Map<String, Object> good = source.facts();
        ChefServerStub.writeUnknownKey(key);
        clock.advance(Duration.ofSeconds(301));

        assertThat(source.facts()).isEqualTo(good);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(errors())
                        .containsExactly("Failed to load facts: ChefServerException: The Chef server refused client '"
                                + NODE + "' with key " + key + " (HTTP 401): Failed to authenticate as " + NODE));
        assertThat(source.facts()).isEqualTo(good);
    }

    @Test
    void shouldNameTheMissingNode() {
        ChefFactSource source = source("web1.example.net");

        assertThatThrownBy(source::loadFacts)
                .hasMessage("The Chef server " + chef.url()
                        + " has no node 'web1.example.net' (the name is plugin.chef.node_name, else client.rb's node_name, "
                        + "else the identity): Cannot load node web1.example.net");
        assertThat(source.facts()).isEmpty();
        assertThat(errors()).hasSize(1);
    }

    @Test
    void shouldTakeTheNodeNameFromClientRbBeforeTheIdentity() throws IOException {
        Files.writeString(clientRb, "node_name '" + NODE + "'\n", StandardOpenOption.APPEND);

        assertThat(source("web1.example.net").facts()).containsEntry("hostname", "ci");
        assertThat(chef.requests()).containsExactly("/nodes/" + NODE);
    }
}
