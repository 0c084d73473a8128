package mcollective.plugins.connector.stomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StompFrameWriterTest {
    private static final StompHost NODE = StompHost.plain("127.0.0.1", 61613, "mcollective", "marionette");
    private static final byte[] NONE = new byte[0];

    private static byte[] connect(StompClientOptions options) {
        return StompFrameWriter.encode(
                StompFrameWriter.clientFrame("CONNECT", options.connectHeaders(NODE), NONE), StompVersion.V1_0);
    }

    @Nested
    class Connect {
        @Test
        void shouldWriteTheStomp10ConnectFrameOfTheRubyNode() {
            assertThat(connect(StompClientOptions.builder().host(NODE).build()))
                    .isEqualTo(Golden.frame("stomp-CONNECT-node"));
        }

        @Test
        void shouldWriteTheHeartbeatConnectFrameOfTheRubyNode() {
            assertThat(connect(StompClientOptions.builder()
                            .host(NODE)
                            .heartbeatInterval(30)
                            .build()))
                    .isEqualTo(Golden.frame("stomp11-CONNECT-node"));
        }

        @Test
        void shouldForceAHeartbeatIntervalBelowThirtySecondsToThirty() {
            assertThat(connect(StompClientOptions.builder()
                            .host(NODE)
                            .heartbeatInterval(5)
                            .build()))
                    .isEqualTo(Golden.frame("stomp11-CONNECT-node"));
        }

        @Test
        void shouldOfferOnly11WithoutTheStomp10Fallback() {
            String text = new String(
                    connect(StompClientOptions.builder()
                            .host(NODE)
                            .heartbeatInterval(30)
                            .stomp10Fallback(false)
                            .build()),
                    StandardCharsets.UTF_8);
            assertThat(text).startsWith("CONNECT\naccept-version:1.1\nhost:mcollective\nheart-beat:30500,29500\n");
        }

        @Test
        void shouldOmitLoginAndPasscodeWithoutAUser() {
            StompHost anonymous = StompHost.plain("127.0.0.1", 61613, "", "");
            Map<String, String> headers = StompClientOptions.builder()
                    .host(anonymous)
                    .vhost("/")
                    .build()
                    .connectHeaders(anonymous);
            assertThat(headers).containsExactly(Map.entry("accept-version", "1.0"), Map.entry("host", "/"));
        }

        @Test
        void shouldNeverEscapeConnectHeadersEvenIn11() {
            StompFrame f = StompFrame.of("CONNECT", Map.of("passcode", "a:b"));
            assertThat(new String(StompFrameWriter.encode(f, StompVersion.V1_1), StandardCharsets.UTF_8))
                    .contains("passcode:a:b\n");
        }
    }

    @Nested
    class Subscriptions {
        @Test
        void shouldWriteTheStomp10SubscribeWithSelectorBeforeDestination() {
            Subscription s = new Subscription(
                    "/queue/mcollective.nodes",
                    Map.of("selector", "mc_identity = 'node1.example.net'"),
                    "mcollective_directed_to_identity");
            assertThat(StompFrameWriter.encode(s.frame("SUBSCRIBE", StompVersion.V1_0), StompVersion.V1_0))
                    .isEqualTo(Golden.frame("stomp-SUBSCRIBE-node-directed-queue"));
        }

        @Test
        void shouldPlaceTheIdAfterTheDestinationIn11() {
            Subscription s = new Subscription(
                    "/queue/mcollective.nodes",
                    Map.of("selector", "mc_identity = 'node1.example.net'"),
                    "mcollective_directed_to_identity");
            assertThat(StompFrameWriter.encode(s.frame("SUBSCRIBE", StompVersion.V1_1), StompVersion.V1_1))
                    .isEqualTo(Golden.frame("stomp11-SUBSCRIBE-node-directed-queue"));
        }

        @Test
        void shouldWriteTheClientReplyQueueSubscriptionsOfBothVersions() {
            String q10 = "/queue/mcollective.reply.mcoclient.example.net_17289.1";
            String q11 = "/queue/mcollective.reply.mcoclient.example.net_9468.1";
            assertThat(encode(new Subscription(q10, Map.of(), q10).frame("SUBSCRIBE", StompVersion.V1_0)))
                    .isEqualTo(Golden.frame("stomp-SUBSCRIBE-client-reply-queue"));
            assertThat(encode(new Subscription(q10, Map.of(), q10).frame("UNSUBSCRIBE", StompVersion.V1_0)))
                    .isEqualTo(Golden.frame("stomp-UNSUBSCRIBE-client-reply-queue"));
            assertThat(StompFrameWriter.encode(
                            new Subscription(q11, Map.of(), q11).frame("SUBSCRIBE", StompVersion.V1_1),
                            StompVersion.V1_1))
                    .isEqualTo(Golden.frame("stomp11-SUBSCRIBE-client-reply-queue"));
        }

        @Test
        void shouldWriteTheDisconnectFrame() {
            assertThat(encode(StompFrameWriter.clientFrame("DISCONNECT", Map.of(), NONE)))
                    .isEqualTo(Golden.frame("stomp-DISCONNECT-client"));
        }
    }

    @Nested
    class Send {
        @Test
        void shouldKeepTheConnectorHeaderOrderAndAppendLengthAndType() {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("timestamp", "1795584992000");
            h.put("expires", "1795585062000");
            h.put("reply-to", "/queue/mcollective.reply.mcoclient.example.net_9468.1");
            h.put("mc_identity", "node1.example.net");
            h.put("mc_sender", "mcoclient.example.net");
            h.put("destination", "/queue/mcollective.nodes");
            byte[] body = {4, 8, 0, 'x', 0};
            byte[] wire = encode(StompFrameWriter.clientFrame("SEND", h, body));
            String head = "SEND\ntimestamp:1795584992000\nexpires:1795585062000\n"
                    + "reply-to:/queue/mcollective.reply.mcoclient.example.net_9468.1\nmc_identity:node1.example.net\n"
                    + "mc_sender:mcoclient.example.net\ndestination:/queue/mcollective.nodes\ncontent-length:5\n"
                    + "content-type:text/plain; charset=UTF-8\n\n";
            byte[] expected = new byte[head.length() + body.length + 1];
            System.arraycopy(head.getBytes(StandardCharsets.UTF_8), 0, expected, 0, head.length());
            System.arraycopy(body, 0, expected, head.length(), body.length);
            assertThat(wire).isEqualTo(expected);
        }

        @Test
        void shouldKeepACallerContentTypeAndOverwriteAWrongContentLength() {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("content-length", "99");
            h.put("content-type", "application/octet-stream");
            StompFrame f = StompFrameWriter.clientFrame("SEND", h, new byte[3]);
            assertThat(f.headers())
                    .containsExactly(
                            Map.entry("content-length", "3"), Map.entry("content-type", "application/octet-stream"));
        }
    }

    @Nested
    class Escaping {
        @Test
        void shouldEscapeBackslashNewlineAndColonIn11() {
            StompFrame f = StompFrame.of("SEND", Map.of("a:b", "x\\y\nz:w\r"));
            assertThat(new String(StompFrameWriter.encode(f, StompVersion.V1_1), StandardCharsets.UTF_8))
                    .isEqualTo("SEND\na\\cb:x\\\\y\\nz\\cw\r\n\n\0");
        }

        @Test
        void shouldEscapeCarriageReturnIn12() {
            StompFrame f = StompFrame.of("SEND", Map.of("k", "a\rb"));
            assertThat(new String(StompFrameWriter.encode(f, StompVersion.V1_2), StandardCharsets.UTF_8))
                    .isEqualTo("SEND\nk:a\\rb\n\n\0");
        }

        @Test
        void shouldWriteColonsInValuesVerbatimIn10() {
            StompFrame f = StompFrame.of("SEND", Map.of("selector", "a = 'b:c'"));
            assertThat(new String(encode(f), StandardCharsets.UTF_8)).isEqualTo("SEND\nselector:a = 'b:c'\n\n\0");
        }

        @Test
        void shouldRejectANewlineInA10HeaderRatherThanCorruptTheFrame() {
            StompFrame f = StompFrame.of("SEND", Map.of("k", "a\nb"));
            assertThatThrownBy(() -> encode(f))
                    .isInstanceOf(StompException.class)
                    .hasMessageContaining("k=a");
        }
    }

    private static byte[] encode(StompFrame f) {
        return StompFrameWriter.encode(f, StompVersion.V1_0);
    }
}
