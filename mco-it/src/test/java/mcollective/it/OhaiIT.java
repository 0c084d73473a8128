package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import mcollective.plugins.facts.OhaiFactSource;
import mcollective.testkit.McoResult;
import mcollective.testkit.RunningNode;
import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.FleetNode;
import mcollective.testkit.fleet.NodeSpec;
import mcollective.testkit.fleet.WithFleet;

/**
 * {@code factsource = ohai} against the real Debian {@code /usr/bin/ohai}: one full run read directly, then a Java
 * node using it on the embedded broker, found by the platform ohai reported. Fails (does not skip) without ohai.
 */
@WithFleet(nodes = @FleetNode(value = "yaml.example.net", facts = "platform=nosuchplatform"))
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OhaiIT {
    static final Path OHAI = Path.of("/usr/bin/ohai");
    static final String WHITELIST = "platform,hostname,cpu";

    Map<String, Object> realFacts;
    Fleet fleet;
    RunningNode ohaiNode;

    @BeforeAll
    void runOhaiAndStartTheFleet() {
        assertThat(Files.isExecutable(OHAI))
                .as(OHAI + " is required (apt-get install ohai)")
                .isTrue();
        try (OhaiFactSource source = new OhaiFactSource()) {
            long start = System.nanoTime();
            source.start(List.of(OHAI.toString()), List.of(), OhaiFactSource.DEFAULT_TIMEOUT, Duration.ofHours(1));
            realFacts = source.facts();
            System.out.printf(
                    "One real ohai run: %.2f s, %d facts%n", (System.nanoTime() - start) / 1e9, realFacts.size());
        }
        ohaiNode = fleet.start(NodeSpec.java("ohai.example.net")
                .setting("factsource", "ohai")
                .setting("plugin.ohai.command", OHAI.toString())
                .setting("plugin.ohai.whitelist", WHITELIST));
    }

    /** Stopping the node closes its fact source, which ends the refresh thread. */
    @AfterAll
    void stop() {
        if (ohaiNode != null) {
            ohaiNode.close();
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.getName().equals("ohai-facts")));
    }

    @Test
    void shouldReadPlatformHostnameAndCpuFromTheRealOhai() {
        assertThat(realFacts).hasSizeGreaterThan(300);
        assertThat(realFacts.get("platform")).asString().isNotBlank();
        assertThat(realFacts.get("hostname")).asString().isNotBlank();
        assertThat(realFacts.get("cpu.total")).asString().matches("[1-9][0-9]*");
        assertThat(realFacts.values()).allMatch(String.class::isInstance);
    }

    @Test
    void shouldFindTheOhaiNodeByThePlatformOhaiReported() {
        assertThat(find("-F", "platform=" + realFacts.get("platform"))).containsExactly("ohai.example.net");
        assertThat(find("-F", "cpu.total=" + realFacts.get("cpu.total"))).containsExactly("ohai.example.net");
    }

    @Test
    void shouldFindNoNodeForAnotherPlatform() {
        assertThat(find("-F", "platform=nosuch")).isEmpty();
        assertThat(find("-F", "platform=nosuchplatform")).containsExactly("yaml.example.net");
    }

    @Test
    void shouldKeepOnlyTheWhitelistedFactsOnTheNode() {
        McoResult run =
                fleet.mco("rpc", "rpcutil", "get_fact", "fact=platform_version", "-I", "ohai.example.net", "-j");
        McoResult cpu = fleet.mco("rpc", "rpcutil", "get_fact", "fact=cpu.total", "-I", "ohai.example.net", "-j");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"data\":{\"fact\":\"platform_version\",\"value\":null}");
        assertThat(cpu.out())
                .contains("\"data\":{\"fact\":\"cpu.total\",\"value\":\"" + realFacts.get("cpu.total") + "\"}");
    }

    private List<String> find(String... filter) {
        McoResult run = fleet.mco(List.of("find", "--dt", "1"), filter);
        assertThat(run.err()).isEmpty();
        return run.lines();
    }
}
