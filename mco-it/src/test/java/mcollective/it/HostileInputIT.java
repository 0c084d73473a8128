package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import mcollective.config.Config;
import mcollective.plugin.PluginRegistry;
import mcollective.plugins.connector.stomp.StompClient;
import mcollective.plugins.connector.stomp.StompClientOptions;
import mcollective.plugins.connector.stomp.StompFrame;
import mcollective.plugins.connector.stomp.StompHost;
import mcollective.protocol.Filter;
import mcollective.protocol.Request;
import mcollective.protocol.RequestId;
import mcollective.server.Node;
import mcollective.spi.PluginContext;
import mcollective.spi.SecurityProvider;
import mcollective.testkit.FleetConfig;
import mcollective.testkit.HostilePayloads;
import mcollective.testkit.LogCapture;
import mcollective.testkit.RubyEnvironment;
import mcollective.testkit.RubyMco;
import mcollective.testkit.RubyNode;

/**
 * Bad, hostile and oversized messages published straight onto a node's topic: each is dropped with one log line
 * and a counter, no reply goes out, and the node keeps answering ping. A Ruby node on the same broker gets them too;
 * after the nested-filter attack (issue 8) the Java and the Ruby {@code mco ping} still see both nodes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {
    private static final String TOPIC = "/topic/mcollective.discovery.agent";
    private static final String REPLIES = "/queue/mcollective.reply.hostile_1.1";
    private static final String DIRECTED = "/queue/mcollective.nodes";
    private static final List<String> NODES = List.of("target.example.net", "ruby.example.net");

    @TempDir
    static Path dir;

    JavaFleet fleet;
    Node node;
    RubyNode ruby;
    Path rubyClient;
    String javaClient;
    StompClient raw;
    final List<StompFrame> replies = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() {
        RubyEnvironment.require();
        fleet = new JavaFleet(dir);
        node = fleet.startNode("target.example.net", Map.of("platform", "centos"), List.of(), List.of("mcollective"));
        FleetConfig config = new FleetConfig(
                fleet.port(), JavaFleet.USER, JavaFleet.PASSWORD, JavaFleet.PSK, List.of("mcollective"));
        ruby = RubyNode.start(
                config,
                dir.resolve("ruby"),
                "ruby.example.net",
                Map.of("platform", "debian"),
                List.of(),
                List.of("mcollective"));
        rubyClient = config.writeClient(dir.resolve("ruby-client/client.cfg"), List.of());
        javaClient = fleet.clientConfig("java-client.cfg").toString();
        raw = new StompClient(StompClientOptions.builder()
                .host(StompHost.plain("127.0.0.1", fleet.port(), JavaFleet.USER, JavaFleet.PASSWORD))
                .onMessage(replies::add)
                .build());
        raw.connect();
        raw.subscribe(REPLIES, Map.of());
    }

    @AfterAll
    void stop() {
        if (raw != null) {
            raw.close();
        }
        if (ruby != null) {
            ruby.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    @BeforeEach
    void clearReplies() {
        replies.clear();
    }

    @Test
    void shouldDropATruncatedMessage() {
        byte[] valid = security(JavaFleet.PSK).encodeRequest(ping(0, "uid=0"));
        sendAndExpectCounter(Arrays.copyOf(valid, valid.length / 2), "malformed");
    }

    @Test
    void shouldDropABodyThatIsNotMarshal() {
        sendAndExpectCounter("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), "malformed");
    }

    @Test
    void shouldDropAMarshalStreamHoldingAnObject() {
        // Marshal.dump(Object.new): an object of class Object with no instance variables.
        byte[] object = {0x04, 0x08, 'o', ':', 0x0b, 'O', 'b', 'j', 'e', 'c', 't', 0x00};
        sendAndExpectCounter(object, "malformed");
    }

    @Test
    void shouldDropAWrongPskHash() {
        sendAndExpectCounter(security("not-the-fleet-psk").encodeRequest(ping(0, "uid=0")), "unvalidated");
    }

    @Test
    void shouldDropAnExpiredMessage() {
        sendAndExpectCounter(security(JavaFleet.PSK).encodeRequest(ping(-120, "uid=0")), "ttlexpired");
    }

    @Test
    void shouldDropAnInvalidCallerId() {
        sendAndExpectCounter(security(JavaFleet.PSK).encodeRequest(ping(0, "uid=0/x")), "unvalidated");
    }

    @Test
    void shouldDropATenMegabyteBody() {
        byte[] huge = new byte[10 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'x');
        sendAndExpectCounter(huge, "oversized");
    }

    @Test
    void shouldRefuseACompoundFilterNested3000LevelsDeepSentToTheAgentTopic() {
        assertRefusedOnceAndBothNodesStillAnswer(TOPIC, Map.of("reply-to", REPLIES));
    }

    @Test
    void shouldRefuseACompoundFilterNested3000LevelsDeepSentToEachNodesQueue() {
        assertRefusedOnceAndBothNodesStillAnswer(
                DIRECTED,
                Map.of("reply-to", REPLIES, "mc_identity", NODES.get(0)),
                Map.of("reply-to", REPLIES, "mc_identity", NODES.get(1)));
    }

    /**
     * The attack of issue 8: the {@code :body} and {@code :hash} of a valid request (no psk needed, the filter is
     * not covered by the hash) with a compound filter nested 3,000 levels deep, once per header set.
     */
    @SafeVarargs
    private void assertRefusedOnceAndBothNodesStillAnswer(String destination, Map<String, String>... headers) {
        byte[] captured = security(JavaFleet.PSK).encodeRequest(ping(0, "uid=0"));
        byte[] attack =
                HostilePayloads.withCompoundFilter(captured, HostilePayloads.nestedCompound(HostilePayloads.NESTING));
        long malformed = node.stats().get("malformed");
        try (LogCapture log = LogCapture.named("mcollective.server.RequestProcessor")) {
            for (Map<String, String> h : headers) {
                raw.send(destination, h, attack);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> node.stats().get("malformed") == malformed + 1);
            assertThat(log.lines())
                    .singleElement()
                    .asString()
                    .startsWith("WARN Rejecting a malformed message from ")
                    .contains("compound filter nested deeper than 64 levels");
        }

        McoRun java = McoRun.run("ping", "-c", javaClient, "-t", "3", "--expect", "2");
        assertThat(MixedFleetCompatIT.identities(java.lines()))
                .as(java.out() + java.err())
                .containsExactlyInAnyOrderElementsOf(NODES);
        RubyMco.Result rubyPing = RubyMco.run(rubyClient, Duration.ofSeconds(60), "ping", "-t", "3");
        assertThat(MixedFleetCompatIT.identities(rubyPing.lines()))
                .as(rubyPing.out() + rubyPing.err())
                .containsExactlyInAnyOrderElementsOf(NODES);
        assertThat(ruby.isAlive()).isTrue();
        assertThat(replies).isEmpty();
    }

    private void sendAndExpectCounter(byte[] payload, String counter) {
        long before = node.stats().get(counter);
        long total = node.stats().get("total");
        raw.send(TOPIC, Map.of("reply-to", REPLIES), payload);
        await().atMost(Duration.ofSeconds(10)).until(() -> node.stats().get(counter) == before + 1);
        assertThat(node.stats().get("total")).isEqualTo(total + 1);
        // The node still answers: a valid ping after the bad message gets its pong, and the bad one got none.
        raw.send(TOPIC, Map.of("reply-to", REPLIES), security(JavaFleet.PSK).encodeRequest(ping(0, "uid=0")));
        await().atMost(Duration.ofSeconds(10)).until(() -> !replies.isEmpty());
        assertThat(replies).hasSize(1);
    }

    /** A ping for the Java node only: the Ruby node on the same topic ignores it. */
    private Request ping(long ageSeconds, String callerId) {
        return new Request(
                RequestId.next(),
                "hostile",
                callerId,
                "discovery",
                "mcollective",
                Filter.builder().addIdentity(NODES.get(0)).build(),
                60,
                Clock.systemUTC().instant().getEpochSecond() + ageSeconds,
                "ping");
    }

    private SecurityProvider security(String psk) {
        Config config = fleet.baseConfig(List.of("mcollective"))
                .set("identity", "hostile")
                .set("plugin.psk", psk)
                .build();
        PluginRegistry registry = PluginRegistry.discover();
        SecurityProvider provider = registry.create(
                SecurityProvider.class,
                "psk",
                new PluginContext(config, "psk", registry, Clock.systemUTC(), Map.of(), Map.of()));
        return provider;
    }
}
