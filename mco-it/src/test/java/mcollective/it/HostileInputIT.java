package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
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

/**
 * Bad, hostile and oversized messages published straight onto a node's topic: each is dropped with one log line
 * and a counter, no reply goes out, and the node keeps answering ping.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {
    private static final String TOPIC = "/topic/mcollective.discovery.agent";
    private static final String REPLIES = "/queue/mcollective.reply.hostile_1.1";

    @TempDir
    static java.nio.file.Path dir;
    JavaFleet fleet;
    Node node;
    StompClient raw;
    final List<StompFrame> replies = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() {
        fleet = new JavaFleet(dir);
        node = fleet.startNode("target.example.net", Map.of("platform", "centos"), List.of(), List.of("mcollective"));
        raw = new StompClient(StompClientOptions.builder()
                .host(StompHost.plain("127.0.0.1", fleet.port(), JavaFleet.USER, JavaFleet.PASSWORD))
                .onMessage(replies::add).build());
        raw.connect();
        raw.subscribe(REPLIES, Map.of());
    }

    @AfterAll
    void stop() {
        raw.close();
        fleet.close();
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

    private Request ping(long ageSeconds, String callerId) {
        return new Request(RequestId.next(), "hostile", callerId, "discovery", "mcollective", Filter.empty(), 60,
                Clock.systemUTC().instant().getEpochSecond() + ageSeconds, "ping");
    }

    private SecurityProvider security(String psk) {
        Config config = fleet.baseConfig(List.of("mcollective")).set("identity", "hostile").set("plugin.psk", psk)
                .build();
        PluginRegistry registry = PluginRegistry.discover();
        SecurityProvider provider = registry.create(SecurityProvider.class, "psk");
        provider.init(new PluginContext(config, "psk", registry, Clock.systemUTC(), Map.of(), Map.of()));
        return provider;
    }
}
