package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import mcollective.plugins.connector.stomp.StompFrame;
import mcollective.protocol.Filter;
import mcollective.protocol.Request;
import mcollective.protocol.RequestId;
import mcollective.protocol.codec.MarshalOptions;
import mcollective.protocol.codec.RubyMarshal;
import mcollective.spi.SecurityProvider;
import mcollective.spi.support.SecurityEnvelope;
import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.SslFleetSecurity;
import mcollective.testkit.fleet.WithFleet;

/**
 * What an attacker on the broker can do to a signed {@code securityprovider = ssl} request, tried on Java and Ruby
 * nodes alike: a discovery ping broadcast as the client signed it is answered by every node; changed in transit (a
 * longer TTL, a later time, another body) or from a caller no node knows, it is answered by none.
 */
@WithFleet(
        collectives = {"mcollective", "eu_collective"},
        plan = ReferenceNodes.Mixed.class,
        security = SslFleetSecurity.class)
class SslTamperingCompatIT {
    static final String REPLIES = "/queue/mcollective.reply.tamper_1.1";
    static final Duration QUIET = Duration.ofSeconds(4);

    static Fleet fleet;
    static SecurityProvider client;
    static ReplyCatcher raw;

    @BeforeAll
    static void connect() {
        client = InProcessRuntime.security(fleet, "tamper");
        raw = ReplyCatcher.on(fleet, REPLIES);
    }

    @AfterAll
    static void disconnect() {
        raw.close();
    }

    /** A discovery ping from the fleet's client, signed now. */
    static byte[] signedPing(String callerId) {
        return signedPing(callerId, 60);
    }

    static byte[] signedPing(String callerId, int ttl) {
        return client.encodeRequest(new Request(
                RequestId.next(),
                "tamper",
                callerId,
                "discovery",
                "mcollective",
                Filter.empty(),
                ttl,
                Instant.now().getEpochSecond(),
                "ping"));
    }

    /** The signed envelope with one outer field changed, as a man in the middle would. */
    static byte[] tampered(byte[] signed, Object key, Object value) {
        @SuppressWarnings("unchecked")
        Map<Object, Object> outer = (Map<Object, Object>) RubyMarshal.load(signed, MarshalOptions.preserving());
        outer.put(key, value);
        return RubyMarshal.dump(outer);
    }

    /** Broadcasts {@code frame} and returns the replies that came within {@link #QUIET}. */
    static List<StompFrame> broadcast(byte[] frame) throws InterruptedException {
        raw.clear();
        raw.send("/topic/mcollective.discovery.agent", Map.of("reply-to", REPLIES), frame);
        Thread.sleep(QUIET.toMillis());
        return List.copyOf(raw.replies());
    }

    @Test
    void shouldBeAnsweredByEveryNodeAsSigned() {
        raw.clear();
        raw.send("/topic/mcollective.discovery.agent", Map.of("reply-to", REPLIES), signedPing(client.callerId()));

        await().atMost(Duration.ofSeconds(20)).until(() -> raw.replies().size() >= AesSecurityCompatIT.ALL.size());
        assertThat(raw.replies().stream().map(r -> client.decodeReply(r.body()).senderId()))
                .containsExactlyInAnyOrderElementsOf(AesSecurityCompatIT.ALL);
    }

    @Test
    void shouldBeAnsweredByNoNodeWithALongerTtl() throws InterruptedException {
        assertThat(broadcast(tampered(signedPing(client.callerId()), SecurityEnvelope.TTL, 86_400L)))
                .isEmpty();
    }

    @Test
    void shouldBeAnsweredByNoNodeWithALaterMessageTime() throws InterruptedException {
        long later = Instant.now().plusSeconds(1800).getEpochSecond();

        assertThat(broadcast(tampered(signedPing(client.callerId()), SecurityEnvelope.MSGTIME, later)))
                .isEmpty();
    }

    @Test
    void shouldBeAnsweredByNoNodeWithAnotherSignedBody() throws InterruptedException {
        // the body of a request signed with a 120 s TTL, under the signature of one with 60 s
        Object otherBody = ((Map<?, ?>)
                        RubyMarshal.load(signedPing(client.callerId(), 120), MarshalOptions.preserving()))
                .get(SecurityEnvelope.BODY);

        assertThat(broadcast(tampered(signedPing(client.callerId()), SecurityEnvelope.BODY, otherBody)))
                .isEmpty();
    }

    @Test
    void shouldBeAnsweredByNoNodeFromAnUnknownCaller() throws InterruptedException {
        assertThat(broadcast(tampered(signedPing(client.callerId()), SecurityEnvelope.CALLERID, "cert=stranger")))
                .isEmpty();
    }
}
