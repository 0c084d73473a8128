package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import mcollective.protocol.Filter;
import mcollective.protocol.Request;
import mcollective.protocol.RequestId;
import mcollective.spi.SecurityProvider;
import mcollective.testkit.HostilePayloads;
import mcollective.testkit.LogCapture;
import mcollective.testkit.McoResult;
import mcollective.testkit.RunningNode;
import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.FleetNode;
import mcollective.testkit.fleet.NodeKind;
import mcollective.testkit.fleet.WithFleet;

/**
 * Bad, hostile and oversized messages published straight onto a node's topic: each is dropped with one log line
 * and a counter, no reply goes out, and the node keeps answering ping. A Ruby node on the same broker gets them too;
 * after the nested-filter attack (issue 8) the Java and the Ruby {@code mco ping} still see both nodes.
 */
@WithFleet(
        nodes = {
            @FleetNode(value = "target.example.net", facts = "platform=centos"),
            @FleetNode(value = "ruby.example.net", kind = NodeKind.RUBY, facts = "platform=debian")
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {
    private static final String TOPIC = "/topic/mcollective.discovery.agent";
    private static final String REPLIES = "/queue/mcollective.reply.hostile_1.1";
    private static final String DIRECTED = "/queue/mcollective.nodes";
    private static final List<String> NODES = List.of("target.example.net", "ruby.example.net");

    Fleet fleet;
    RunningNode node;
    ReplyCatcher raw;

    @BeforeAll
    void start() {
        node = fleet.node(NODES.get(0));
        raw = ReplyCatcher.on(fleet, REPLIES);
    }

    @AfterAll
    void stop() {
        if (raw != null) {
            raw.close();
        }
    }

    @BeforeEach
    void clearReplies() {
        raw.clear();
    }

    @Test
    void shouldDropATruncatedMessage() {
        byte[] valid = security(fleet.psk()).encodeRequest(ping(0, "uid=0"));
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
        sendAndExpectCounter(security(fleet.psk()).encodeRequest(ping(-120, "uid=0")), "ttlexpired");
    }

    @Test
    void shouldDropAnInvalidCallerId() {
        sendAndExpectCounter(security(fleet.psk()).encodeRequest(ping(0, "uid=0/x")), "unvalidated");
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
        byte[] captured = security(fleet.psk()).encodeRequest(ping(0, "uid=0"));
        byte[] attack =
                HostilePayloads.withCompoundFilter(captured, HostilePayloads.nestedCompound(HostilePayloads.NESTING));
        long malformed = node.stat("malformed");
        try (LogCapture log = LogCapture.named("mcollective.server.RequestProcessor")) {
            for (Map<String, String> h : headers) {
                raw.send(destination, h, attack);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> node.stat("malformed") == malformed + 1);
            assertThat(log.lines())
                    .singleElement()
                    .asString()
                    .startsWith("WARN Rejecting a malformed message from ")
                    .contains("compound filter nested deeper than 64 levels");
        }

        McoResult java = fleet.mco("ping", "-t", "3", "--expect", "2");
        assertThat(MixedFleetCompatIT.identities(java.lines()))
                .as(java.out() + java.err())
                .containsExactlyInAnyOrderElementsOf(NODES);
        McoResult rubyPing = fleet.rubyMco("ping", "-t", "3");
        assertThat(MixedFleetCompatIT.identities(rubyPing.lines()))
                .as(rubyPing.out() + rubyPing.err())
                .containsExactlyInAnyOrderElementsOf(NODES);
        assertThat(fleet.node(NODES.get(1)).isAlive()).isTrue();
        assertThat(raw.replies()).isEmpty();
    }

    private void sendAndExpectCounter(byte[] payload, String counter) {
        long before = node.stat(counter);
        long total = node.stat("total");
        raw.send(TOPIC, Map.of("reply-to", REPLIES), payload);
        await().atMost(Duration.ofSeconds(10)).until(() -> node.stat(counter) == before + 1);
        assertThat(node.stat("total")).isEqualTo(total + 1);
        // The node still answers: a valid ping after the bad message gets its pong, and the bad one got none.
        raw.send(TOPIC, Map.of("reply-to", REPLIES), security(fleet.psk()).encodeRequest(ping(0, "uid=0")));
        await().atMost(Duration.ofSeconds(10)).until(() -> !raw.replies().isEmpty());
        assertThat(raw.replies()).hasSize(1);
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
        return InProcessRuntime.psk(fleet, "hostile", psk);
    }
}
