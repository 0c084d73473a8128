package mcollective.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import mcollective.McollectiveException;

class EmbeddedBrokerTest {
    private static final String USER = "mcollective";
    private static final String PASSWORD = "s3cret";
    private static final Duration NOTHING_WITHIN = Duration.ofMillis(700);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private EmbeddedBroker broker;

    @BeforeEach
    void startBroker() {
        broker = EmbeddedBroker.builder()
                .host("127.0.0.1")
                .port(0)
                .user(USER)
                .password(PASSWORD)
                .build();
        broker.start();
    }

    @AfterEach
    void stopBroker() {
        broker.stop();
    }

    private RawStomp client() {
        RawStomp stomp = RawStomp.open(broker.host(), broker.port());
        RawStomp.Frame answer = stomp.connect(USER, PASSWORD, Map.of());
        assertThat(answer.command()).as("CONNECT answer %s", answer).isEqualTo("CONNECTED");
        return stomp;
    }

    @Nested
    class Logins {
        @Test
        void shouldAcceptTheConfiguredUserOverStomp10() {
            try (RawStomp stomp = RawStomp.open(broker.host(), broker.port())) {
                assertThat(stomp.connect(USER, PASSWORD, Map.of()).command()).isEqualTo("CONNECTED");
            }
        }

        @Test
        void shouldNegotiateStomp11WithTheHeartBeatsRubyStompAsksFor() {
            try (RawStomp stomp = RawStomp.open(broker.host(), broker.port())) {
                RawStomp.Frame answer = stomp.connect(
                        USER,
                        PASSWORD,
                        Map.of("accept-version", "1.0,1.1", "host", "127.0.0.1", "heart-beat", "30500,29500"));

                assertThat(answer.command()).isEqualTo("CONNECTED");
                assertThat(answer.header("version")).isEqualTo("1.1");
                assertThat(answer.headers()).containsKey("heart-beat");
            }
        }

        @Test
        void shouldRefuseAWrongPasswordWithAnErrorFrame() {
            try (RawStomp stomp = RawStomp.open(broker.host(), broker.port())) {
                RawStomp.Frame answer = stomp.connect(USER, "wrong", Map.of());

                assertThat(answer.command()).isEqualTo("ERROR");
                assertThat(stomp.closedByBroker(WAIT)).isTrue();
            }
        }

        @Test
        void shouldRefuseAnUnknownUserWithAnErrorFrame() {
            try (RawStomp stomp = RawStomp.open(broker.host(), broker.port())) {
                assertThat(stomp.connect("intruder", PASSWORD, Map.of()).command())
                        .isEqualTo("ERROR");
            }
        }
    }

    @Nested
    class Topics {
        @Test
        void shouldFanABroadcastOutToEverySubscriber() {
            try (RawStomp node1 = client();
                    RawStomp node2 = client();
                    RawStomp sender = client()) {
                node1.subscribe("/topic/mcollective.discovery.agent", "1", Map.of());
                node2.subscribe("/topic/mcollective.discovery.agent", "1", Map.of());

                sender.sendTo(
                        "/topic/mcollective.discovery.agent",
                        Map.of("reply-to", "/queue/mcollective.reply.client_42.1"),
                        bytes("ping"));

                for (RawStomp node : new RawStomp[] {node1, node2}) {
                    RawStomp.Frame message = node.receive(WAIT).orElseThrow();
                    assertThat(message.command()).isEqualTo("MESSAGE");
                    assertThat(message.text()).isEqualTo("ping");
                    assertThat(message.header("reply-to")).isEqualTo("/queue/mcollective.reply.client_42.1");
                }
            }
        }

        @Test
        void shouldNotDeliverAnotherCollectivesBroadcast() {
            try (RawStomp node = client();
                    RawStomp sender = client()) {
                node.subscribe("/topic/mcollective.discovery.agent", "1", Map.of());

                sender.sendTo("/topic/other.discovery.agent", Map.of(), bytes("ping"));

                assertThat(node.receive(NOTHING_WITHIN)).isEmpty();
            }
        }
    }

    @Nested
    class DirectedQueues {
        @Test
        void shouldDeliverADirectedMessageOnlyToTheSelectedNode() {
            try (RawStomp node1 = client();
                    RawStomp node2 = client();
                    RawStomp sender = client()) {
                node1.subscribe("/queue/mcollective.nodes", "1", Map.of("selector", "mc_identity = 'node1'"));
                node2.subscribe("/queue/mcollective.nodes", "1", Map.of("selector", "mc_identity = 'node2'"));

                sender.sendTo("/queue/mcollective.nodes", Map.of("mc_identity", "node1"), bytes("for node1"));
                sender.sendTo("/queue/mcollective.nodes", Map.of("mc_identity", "node1"), bytes("again node1"));

                assertThat(node1.receive(WAIT).orElseThrow().text()).isEqualTo("for node1");
                assertThat(node1.receive(WAIT).orElseThrow().text()).isEqualTo("again node1");
                assertThat(node2.receive(NOTHING_WITHIN)).isEmpty();
            }
        }

        @Test
        void shouldDropADirectedMessageOnceItsExpiresTimeHasPassed() throws InterruptedException {
            try (RawStomp sender = client()) {
                String soon = Long.toString(System.currentTimeMillis() + 200);
                sender.sendTo(
                        "/queue/mcollective.nodes", Map.of("mc_identity", "node3", "expires", soon), bytes("too late"));
                sender.sendTo("/queue/mcollective.nodes", Map.of("mc_identity", "node3"), bytes("kept"));
                Thread.sleep(500);

                try (RawStomp node3 = client()) {
                    node3.subscribe("/queue/mcollective.nodes", "1", Map.of("selector", "mc_identity = 'node3'"));

                    assertThat(node3.receive(WAIT).orElseThrow().text()).isEqualTo("kept");
                    assertThat(node3.receive(NOTHING_WITHIN)).isEmpty();
                }
            }
        }

        @Test
        void shouldDeliverRepliesToTheClientsOwnReplyQueue() {
            try (RawStomp client = client();
                    RawStomp node = client()) {
                client.subscribe("/queue/mcollective.reply.client_4242.7", "1", Map.of());

                node.sendTo("/queue/mcollective.reply.client_4242.7", Map.of(), bytes("pong"));

                assertThat(client.receive(WAIT).orElseThrow().text()).isEqualTo("pong");
            }
        }
    }

    @Nested
    class Bodies {
        @Test
        void shouldCarryABinaryBodyWithNulBytesUnchanged() {
            byte[] body = new byte[4096];
            for (int i = 0; i < body.length; i++) {
                body[i] = (byte) (i % 7 == 0 ? 0 : i);
            }
            try (RawStomp node = client();
                    RawStomp sender = client()) {
                node.subscribe("/topic/mcollective.rpcutil.agent", "1", Map.of());

                sender.sendTo("/topic/mcollective.rpcutil.agent", Map.of(), body);

                RawStomp.Frame message = node.receive(WAIT).orElseThrow();
                assertThat(message.header("content-length")).isEqualTo(Integer.toString(body.length));
                assertThat(message.body()).isEqualTo(body);
            }
        }

        @Test
        void shouldCarryAOneMegabyteBodyUnchanged() {
            byte[] body = new byte[1024 * 1024];
            new Random(7).nextBytes(body);
            try (RawStomp client = client();
                    RawStomp node = client()) {
                client.subscribe("/queue/mcollective.reply.client_1.1", "1", Map.of());

                node.sendTo("/queue/mcollective.reply.client_1.1", Map.of(), body);

                assertThat(client.receive(WAIT).orElseThrow().body()).isEqualTo(body);
            }
        }

        @Test
        void shouldRefuseAFrameLargerThanTheLimit() {
            broker.stop();
            broker = EmbeddedBroker.builder()
                    .port(0)
                    .user(USER)
                    .password(PASSWORD)
                    .maxFrameBytes(64 * 1024)
                    .build();
            broker.start();
            try (RawStomp sender = client()) {
                // The broker refuses on the declared length, before the body: only the headers need to go.
                sender.write(("SEND\ndestination:/topic/mcollective.big.agent\ncontent-length:" + 128 * 1024 + "\n\n")
                        .getBytes(StandardCharsets.UTF_8));

                RawStomp.Frame answer = sender.receive(WAIT).orElseThrow();
                assertThat(answer.command()).isEqualTo("ERROR");
                assertThat(answer.header("message")).contains("131072", "65536");
                assertThat(sender.closedByBroker(WAIT)).isTrue();
            }
        }
    }

    @Nested
    class Lifecycle {
        @Test
        void shouldReportTheRealPortWhenAskedForAnyFreeOne() {
            assertThat(broker.isStarted()).isTrue();
            assertThat(broker.port()).isPositive();
            assertThat(broker.host()).isEqualTo("127.0.0.1");
        }

        @Test
        void shouldRestartOnTheSamePortAtOnce() {
            int port = broker.port();
            broker.stop();
            broker.stop();
            assertThat(broker.isStarted()).isFalse();

            broker = EmbeddedBroker.builder()
                    .port(port)
                    .user(USER)
                    .password(PASSWORD)
                    .build();
            broker.start();

            assertThat(broker.port()).isEqualTo(port);
            try (RawStomp again = client()) {
                again.subscribe("/topic/mcollective.discovery.agent", "1", Map.of());
            }
        }

        @Test
        void shouldStartAgainAfterAStop() {
            int port = broker.port();
            broker.stop();
            broker.start();

            assertThat(broker.port()).isEqualTo(port);
            client().close();
        }

        @Test
        void shouldNameTheAddressWhenThePortIsTaken() throws IOException {
            try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                EmbeddedBroker second =
                        EmbeddedBroker.builder().port(taken.getLocalPort()).build();

                assertThatThrownBy(second::start)
                        .isInstanceOf(McollectiveException.class)
                        .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
                assertThat(second.isStarted()).isFalse();
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
