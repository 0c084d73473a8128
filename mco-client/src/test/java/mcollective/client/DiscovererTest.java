package mcollective.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.McollectiveException;
import mcollective.config.Config;
import mcollective.protocol.Filter;
import mcollective.testkit.LogCapture;

/**
 * The one owner of discovery: which method runs, what it may be asked, the identity shortcut, the limit, whether the
 * nodes are addressed directly, and what a listener hears. Offline methods run without a broker; {@code mc} asks
 * nodes on the in-memory connector.
 */
class DiscovererTest {
    static final List<String> NODES = FakeFleet.names(3);
    static final Optional<String> AGENT = Optional.of("echo");

    final FakeFleet fleet = new FakeFleet(NODES);
    final Recorder listener = new Recorder();

    @TempDir
    Path dir;

    Path nodesFile;

    @BeforeEach
    void writeNodesFile() throws IOException {
        nodesFile = dir.resolve("nodes.txt");
        Files.writeString(nodesFile, "# fleet\nnode1.example.net\n\nnode2.example.net\nweb1.example.net\n");
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    /** Records what a listener is told. */
    static final class Recorder implements DiscoveryListener {
        final List<String> heard = new ArrayList<>();

        @Override
        public void discovering(String method, Duration timeout) {
            heard.add("discovering " + method + " " + timeout.toSeconds() + "s");
        }

        @Override
        public void discovered(String method, List<String> found) {
            heard.add("discovered " + found);
        }
    }

    static Discoverer.Request method(String name, String... options) {
        return new Discoverer.Request(Optional.of(name), List.of(options), Optional.empty(), Optional.empty(), false);
    }

    static Discoverer.Request defaults() {
        return new Discoverer.Request(Optional.empty(), List.of(), Optional.empty(), Optional.empty(), false);
    }

    Discoverer discoverer(Config config, Discoverer.Request request) {
        return discoverer(config, request, Optional.empty(), fleet.client(config));
    }

    Discoverer discoverer(
            Config config, Discoverer.Request request, Optional<InputStream> stdin, Supplier<Client> client) {
        return new Discoverer(config, fleet.registry, request, stdin, client);
    }

    /** A discoverer that must not touch the network. */
    Discoverer offline(Config config, Discoverer.Request request) {
        return discoverer(config, request, Optional.empty(), () -> {
            throw new AssertionError("an offline method asked the network");
        });
    }

    /** The file's nodes, with no discovery timeout configured, so the method's own (none) applies. */
    Discoverer flatfile() {
        return offline(fleet.config("discovery_timeout="), method("flatfile", nodesFile.toString()));
    }

    static Filter agent() {
        return Filter.builder().addAgent("echo").build();
    }

    @Nested
    class ChoosingTheMethod {
        @Test
        void shouldUseTheDefaultMethodFromTheConfig() {
            Discoverer discoverer = offline(
                    fleet.config("default_discovery_method=flatfile", "default_discovery_options=" + nodesFile),
                    defaults());

            assertThat(discoverer.methodName()).isEqualTo("flatfile");
            assertThat(discoverer
                            .discover(agent(), AGENT, NodeLimit.none(), listener)
                            .nodes())
                    .containsExactly("node1.example.net", "node2.example.net", "web1.example.net");
        }

        @Test
        void shouldReadTheNodesFileAsAFlatfile() {
            Discoverer discoverer = offline(
                    fleet.config(),
                    new Discoverer.Request(
                            Optional.empty(), List.of(), Optional.empty(), Optional.of(nodesFile.toString()), false));

            assertThat(discoverer.methodName()).isEqualTo("flatfile");
        }

        @Test
        void shouldRefuseMixingTheNodesFileWithAMethod() {
            assertThatThrownBy(() -> offline(
                            fleet.config(),
                            new Discoverer.Request(
                                    Optional.of("mc"),
                                    List.of(),
                                    Optional.empty(),
                                    Optional.of(nodesFile.toString()),
                                    false)))
                    .isInstanceOf(McollectiveException.class)
                    .hasMessage("Cannot mix --disc-method, --disc-option and --nodes");
        }

        @Test
        void shouldReadPipedStandardInput() {
            Discoverer discoverer = discoverer(
                    fleet.config(),
                    new Discoverer.Request(Optional.empty(), List.of(), Optional.empty(), Optional.empty(), true),
                    Optional.of(new ByteArrayInputStream("node3.example.net\n".getBytes(StandardCharsets.UTF_8))),
                    () -> {
                        throw new AssertionError("stdin asked the network");
                    });

            Discovered found = discoverer.discover(agent(), AGENT, NodeLimit.none(), listener);

            assertThat(found.method()).isEqualTo("stdin");
            assertThat(found.nodes()).containsExactly("node3.example.net");
        }

        @Test
        void shouldHandCompoundFiltersToTheBroadcastMethod() {
            Filter compound = Filter.builder()
                    .addAgent("echo")
                    .addCompound(List.of(Map.of("statement", "platform=centos")))
                    .build();
            Discoverer discoverer = discoverer(fleet.config(), method("flatfile", nodesFile.toString()));

            try (LogCapture log = LogCapture.of(Discoverer.class)) {
                Discovered found = discoverer.discover(compound, AGENT, NodeLimit.none(), listener);

                assertThat(found.method()).isEqualTo("mc");
                assertThat(found.nodes()).containsExactlyInAnyOrderElementsOf(NODES);
                assertThat(found.direct()).isFalse();
                assertThat(log.messages(Level.WARN))
                        .containsExactly("Switching to mc discovery method because compound filters are used");
            }
            assertThat(listener.heard).first().isEqualTo("discovering mc 1s");
            assertThat(discoverer.timeout(compound)).isEqualTo(Duration.ofSeconds(1));
        }
    }

    @Nested
    class Refusals {
        @Test
        void shouldRefuseFiltersTheMethodCannotHonourAfterTellingTheListener() {
            Filter facts =
                    Filter.builder().addAgent("echo").addFact("platform=centos").build();

            assertThatThrownBy(() -> flatfile().discover(facts, AGENT, NodeLimit.none(), listener))
                    .isInstanceOf(McollectiveException.class)
                    .hasMessage("Cannot use fact filters while using the 'flatfile' discovery method");
            assertThat(listener.heard).containsExactly("discovering flatfile 0s");
        }

        @Test
        void shouldRefuseClassFilters() {
            Filter classes = Filter.builder().addClass("apache").build();

            assertThatThrownBy(() -> flatfile().discover(classes, AGENT, NodeLimit.none(), listener))
                    .hasMessage("Cannot use class filters while using the 'flatfile' discovery method");
        }

        @Test
        void shouldRequireDirectAddressingForAMethodThatIsNotBroadcast() {
            Discoverer discoverer =
                    offline(fleet.config("direct_addressing=false"), method("flatfile", nodesFile.toString()));

            assertThatThrownBy(() -> discoverer.discover(agent(), AGENT, NodeLimit.none(), listener))
                    .isInstanceOf(McollectiveException.class)
                    .hasMessage("Custom discovery methods require direct addressing mode");
        }

        @Test
        void shouldWarnThatAgentFiltersTheUserGaveAreIgnored() {
            Filter agents = Filter.builder().addAgent("echo").addAgent("nginx").build();

            try (LogCapture log = LogCapture.of(Discoverer.class)) {
                flatfile().discover(agents, AGENT, NodeLimit.none(), listener);

                assertThat(log.messages(Level.WARN))
                        .containsExactly("The flatfile discovery method ignores agent filters (nginx);"
                                + " nodes without the agent will not answer");
            }
        }

        @Test
        void shouldNotWarnAboutTheAgentTheCallerAdded() {
            try (LogCapture log = LogCapture.of(Discoverer.class)) {
                flatfile().discover(agent(), AGENT, NodeLimit.none(), listener);

                assertThat(log.messages(Level.WARN)).isEmpty();
            }
        }
    }

    @Nested
    class Addressing {
        @Test
        void shouldAddressAFlatfilesNodesDirectly() {
            Discovered found = flatfile().discover(agent(), AGENT, NodeLimit.none(), listener);

            assertThat(found.direct()).isTrue();
            assertThat(listener.heard)
                    .containsExactly(
                            "discovering flatfile 0s",
                            "discovered [node1.example.net, node2.example.net, web1.example.net]");
        }

        @Test
        void shouldLetTheNodesOfABroadcastDiscoveryBeBroadcastTo() {
            Discovered found =
                    discoverer(fleet.config(), defaults()).discover(agent(), AGENT, NodeLimit.none(), listener);

            assertThat(found.method()).isEqualTo("mc");
            assertThat(found.direct()).isFalse();
            assertThat(found.nodes()).containsExactlyInAnyOrderElementsOf(NODES);
            assertThat(found.took()).isPositive();
        }

        @Test
        void shouldSelectIdentitiesFromTheFileInsteadOfTakingThemOnTrust() {
            Filter named = Filter.builder()
                    .addIdentity("node9.example.net")
                    .addIdentity("node2.example.net")
                    .build();

            Discovered found = flatfile().discover(named, AGENT, NodeLimit.none(), listener);

            assertThat(found.nodes()).containsExactly("node2.example.net");
        }

        @Test
        void shouldTakePlainIdentitiesOnTrustForTheBroadcastMethod() {
            Filter named = Filter.builder().addIdentity("node9.example.net").build();

            Discovered found = offline(fleet.config(), defaults()).discover(named, AGENT, NodeLimit.none(), listener);

            assertThat(found.nodes()).containsExactly("node9.example.net");
            assertThat(found.direct()).isTrue();
            assertThat(found.took()).isZero();
            assertThat(listener.heard).isEmpty();
        }

        @Test
        void shouldNotTakeIdentitiesOnTrustWhenOtherFiltersNarrowThem() {
            Filter narrowed = Filter.builder()
                    .addIdentity("node1.example.net")
                    .addFact("platform=centos")
                    .build();

            discoverer(fleet.config(), defaults()).discover(narrowed, AGENT, NodeLimit.none(), listener);

            assertThat(fleet.published()).extracting(p -> p.agent()).containsExactly("discovery");
        }

        @Test
        void shouldAddressALimitedBroadcastDiscoveryDirectly() {
            NodeLimit one = new NodeLimit(Optional.of("1"), false, Optional.of(1L));

            Discovered found = discoverer(fleet.config(), defaults()).discover(agent(), AGENT, one, listener);

            assertThat(found.nodes()).hasSize(1);
            assertThat(found.direct()).isTrue();
            assertThat(listener.heard).last().isEqualTo("discovered " + NODES);
        }

        @Test
        void shouldAddressGivenNodesDirectlyWithTheLimitApplied() {
            Discovered given = flatfile().given(NODES, new NodeLimit(Optional.of("2"), true, Optional.empty()));

            assertThat(given.nodes()).containsExactly("node1.example.net", "node2.example.net");
            assertThat(given.direct()).isTrue();
            assertThat(given.took()).isZero();
        }
    }

    @Nested
    class WithoutReplies {
        @Test
        void shouldNotRunTheBroadcastMethod() {
            Optional<Discovered> found = offline(fleet.config(), defaults())
                    .discoverUnlessBroadcast(agent(), AGENT, NodeLimit.none(), listener);

            assertThat(found).isEmpty();
            assertThat(listener.heard).isEmpty();
        }

        @Test
        void shouldStillTakePlainIdentities() {
            Optional<Discovered> found = offline(fleet.config(), defaults())
                    .discoverUnlessBroadcast(
                            Filter.builder().addIdentity("node1.example.net").build(),
                            AGENT,
                            NodeLimit.none(),
                            listener);

            assertThat(found).map(Discovered::nodes).contains(List.of("node1.example.net"));
        }

        @Test
        void shouldRunAnOfflineMethod() {
            Optional<Discovered> found = flatfile().discoverUnlessBroadcast(agent(), AGENT, NodeLimit.none(), listener);

            assertThat(found)
                    .map(Discovered::nodes)
                    .contains(List.of("node1.example.net", "node2.example.net", "web1.example.net"));
        }
    }

    @Nested
    class Timeouts {
        @Test
        void shouldTakeTheDiscoveryTimeoutOptionFirst() {
            Discoverer discoverer = offline(
                    fleet.config(),
                    new Discoverer.Request(Optional.empty(), List.of(), Optional.of(7), Optional.empty(), false));

            assertThat(discoverer.timeout(agent())).isEqualTo(Duration.ofSeconds(7));
        }

        @Test
        void shouldTakeTheMethodsOwnWithoutAnyConfiguredTimeout() {
            Config unset = fleet.config("discovery_timeout=");

            assertThat(offline(unset, defaults()).timeout(agent())).isEqualTo(Duration.ofSeconds(2));
            assertThat(offline(unset, method("flatfile", nodesFile.toString())).timeout(agent()))
                    .isEqualTo(Duration.ZERO);
        }
    }
}
