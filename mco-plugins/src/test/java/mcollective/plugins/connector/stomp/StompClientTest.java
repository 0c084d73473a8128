package mcollective.plugins.connector.stomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StompClientTest {
    private static final StompFrame CONNECTED_11 = StompFrame.of(
            "CONNECTED",
            Map.of("server", "ActiveMQ/5.17.2", "heart-beat", "29500,30500", "session", "ID:fake", "version", "1.1"));

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<StompFrame> messages = new CopyOnWriteArrayList<>();
    private final List<StompFrame> errors = new CopyOnWriteArrayList<>();
    private final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable r : resources) {
            r.close();
        }
    }

    private FakeStompServer server() throws Exception {
        FakeStompServer s = new FakeStompServer();
        resources.add(s);
        return s;
    }

    private StompClientOptions.Builder options(StompHost... hosts) {
        StompClientOptions.Builder b = StompClientOptions.builder()
                .onMessage(messages::add)
                .onError(errors::add)
                .onEvent(events::add);
        for (StompHost h : hosts) {
            b.host(h);
        }
        return b;
    }

    private StompClient client(StompClientOptions.Builder options) {
        StompClient c = new StompClient(options.build());
        resources.add(0, c);
        return c;
    }

    private static Map<String, String> headers(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Nested
    class Connecting {
        @Test
        void shouldSendTheRubyConnectFrameAndThenSubscribeAndSend() throws Exception {
            FakeStompServer broker = server();
            StompClient client = client(options(broker.host()));
            client.connect();
            client.subscribe("/topic/mcollective.rpcutil.agent", Map.of());
            FakeStompServer.Conn conn = broker.awaitConnection();
            conn.nextFrame();
            conn.nextFrame();
            client.disconnect();
            await().atMost(Duration.ofSeconds(10)).until(() -> conn.frames.size() == 1);
            byte[] expected = concat(
                    Golden.frame("stomp-CONNECT-node"),
                    Golden.frame("stomp-SUBSCRIBE-node-agent-topic"),
                    Golden.frame("stomp-DISCONNECT-client"));
            assertThat(conn.rawBytes()).isEqualTo(expected);
            assertThat(client.isConnected()).isFalse();
        }

        @Test
        void shouldNegotiate11WithHeartbeatsAndSendSubscriptionIds() throws Exception {
            FakeStompServer broker = server();
            broker.responder = f -> CONNECTED_11;
            StompClient client = client(options(broker.host()).heartbeatInterval(30));
            client.connect();
            String q = "/queue/mcollective.reply.mcoclient.example.net_9468.1";
            client.subscribe(q, Map.of(), q);
            FakeStompServer.Conn conn = broker.awaitConnection();
            conn.nextFrame();
            conn.nextFrame();
            assertThat(client.version()).contains(StompVersion.V1_1);
            assertThat(conn.rawBytes())
                    .isEqualTo(concat(
                            Golden.frame("stomp11-CONNECT-node"),
                            Golden.frame("stomp11-SUBSCRIBE-client-reply-queue")));
        }

        @Test
        void shouldFailConnectWithTheBrokerMessageWhenTheLoginIsRefused() throws Exception {
            FakeStompServer broker = server();
            broker.responder =
                    f -> StompFrame.of("ERROR", Map.of("message", "User name [mcollective] or password is invalid."));
            StompClient client = client(options(broker.host()));
            assertThatThrownBy(client::connect)
                    .isInstanceOf(StompErrorFrameException.class)
                    .hasMessage("Broker stomp://mcollective@127.0.0.1:" + broker.port()
                            + " refused the connection: User name [mcollective] or password is invalid.");
            assertThatThrownBy(() -> client.send("/queue/x", Map.of(), new byte[0]))
                    .isInstanceOf(StompException.class)
                    .hasMessageContaining("closed");
        }

        @Test
        void shouldFailOverToTheSecondHostWhenTheFirstRefuses() throws Exception {
            FakeStompServer broker = server();
            StompHost dead = StompHost.plain("127.0.0.1", FakeStompServer.refusedPort(), "mcollective", "x");
            StompClient client = client(options(dead, broker.host()));
            client.connect();
            assertThat(client.isConnected()).isTrue();
            assertThat(events)
                    .extracting(ConnectionEvent::type, ConnectionEvent::url)
                    .startsWith(
                            Tuple.tuple(ConnectionEvent.Type.CONNECTING, dead.url()),
                            Tuple.tuple(ConnectionEvent.Type.CONNECT_FAILED, dead.url()),
                            Tuple.tuple(
                                    ConnectionEvent.Type.CONNECTING,
                                    broker.host().url()),
                            Tuple.tuple(
                                    ConnectionEvent.Type.CONNECTED,
                                    broker.host().url()));
        }

        @Test
        void shouldGiveUpAfterTheMaximumReconnectAttempts() throws Exception {
            StompHost dead = StompHost.plain("127.0.0.1", FakeStompServer.refusedPort(), "u", "p");
            StompClient client = client(options(dead).maxReconnectAttempts(2));
            assertThatThrownBy(client::connect)
                    .isInstanceOf(StompException.class)
                    .hasMessageContaining("after 3 attempts")
                    .hasMessageContaining(dead.url());
            assertThat(events)
                    .filteredOn(e -> e.type() == ConnectionEvent.Type.CONNECTING)
                    .hasSize(3);
        }

        @Test
        void shouldGiveUpWhenTheConnectionTimeoutExpires() throws Exception {
            StompHost dead = StompHost.plain("127.0.0.1", FakeStompServer.refusedPort(), "u", "p");
            StompClient client = client(options(dead).connectionTimeout(Duration.ofMillis(300)));
            assertThatThrownBy(client::connect)
                    .isInstanceOf(StompException.class)
                    .hasMessageContaining("within PT0.3S");
        }
    }

    @Nested
    class Messages {
        @Test
        void shouldDeliverMessagesWithBinaryBodiesToTheListener() throws Exception {
            FakeStompServer broker = server();
            StompClient client = client(options(broker.host()));
            client.connect();
            FakeStompServer.Conn conn = broker.awaitConnection();
            byte[] body = {4, 8, 0, 'x', 0, 0};
            conn.send(StompFrameWriter.clientFrame(
                    "MESSAGE", headers("destination", "/queue/r", "message-id", "1"), body));
            await().atMost(Duration.ofSeconds(10)).until(() -> messages.size() == 1);
            assertThat(messages.get(0).body()).isEqualTo(body);
            assertThat(messages.get(0).header("message-id")).contains("1");
        }

        @Test
        void shouldHandAnErrorFrameAfterConnectToTheErrorListener() throws Exception {
            FakeStompServer broker = server();
            StompClient client = client(options(broker.host()));
            client.connect();
            broker.awaitConnection().send(StompFrame.of("ERROR", Map.of("message", "no such queue")));
            await().atMost(Duration.ofSeconds(10)).until(() -> errors.size() == 1);
            assertThat(errors.get(0).header("message")).contains("no such queue");
        }

        @Test
        void shouldDropAConnectionThatSendsAFrameAboveTheMaximumSize() throws Exception {
            FakeStompServer broker = server();
            StompClient client = client(options(broker.host()).limits(StompLimits.DEFAULTS.withMaxFrameBytes(1024)));
            client.connect();
            FakeStompServer.Conn first = broker.awaitConnection();
            first.send(StompFrameWriter.clientFrame("MESSAGE", headers("destination", "/queue/r"), new byte[4096]));
            broker.awaitConnection();
            assertThat(messages).isEmpty();
            assertThat(events).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo(ConnectionEvent.Type.LOST);
                assertThat(e.detail()).contains("maximum frame size of 1024 bytes");
            });
        }

        @Test
        void shouldRefuseToSendBeforeConnect() {
            StompClient client = client(options(StompHost.plain("127.0.0.1", 1, "u", "p")));
            assertThatThrownBy(() -> client.send("/queue/x", Map.of(), new byte[0]))
                    .isInstanceOf(StompException.class)
                    .hasMessageContaining("connect()");
        }
    }

    @Nested
    class Reconnecting {
        @Test
        void shouldReconnectAndReplayEverySubscriptionAfterTheBrokerDropsTheConnection() throws Exception {
            FakeStompServer broker = server();
            StompClient client = client(options(broker.host()));
            client.connect();
            client.subscribe(
                    "/queue/mcollective.nodes",
                    headers("selector", "mc_identity = 'node1.example.net'"),
                    "mcollective_directed_to_identity");
            client.subscribe("/topic/mcollective.rpcutil.agent", Map.of());
            client.subscribe("/topic/mcollective.gone.agent", Map.of());
            client.unsubscribe("/topic/mcollective.gone.agent", Map.of());
            FakeStompServer.Conn first = broker.awaitConnection();
            for (int i = 0; i < 5; i++) {
                first.nextFrame();
            }
            first.close();

            FakeStompServer.Conn second = broker.awaitConnection();
            assertThat(second.nextFrame().command()).isEqualTo("CONNECT");
            await().atMost(Duration.ofSeconds(10)).until(client::isConnected);
            assertThat(second.rawBytes())
                    .isEqualTo(concat(
                            Golden.frame("stomp-CONNECT-node"),
                            Golden.frame("stomp-SUBSCRIBE-node-directed-queue"),
                            Golden.frame("stomp-SUBSCRIBE-node-agent-topic")));
            assertThat(events).extracting(ConnectionEvent::type).contains(ConnectionEvent.Type.LOST);

            client.send("/queue/x", Map.of(), "after".getBytes(StandardCharsets.UTF_8));
            second.nextFrame();
            second.nextFrame();
            assertThat(second.nextFrame().bodyAsString()).isEqualTo("after");
        }

        @Test
        void shouldMakeASendWaitUntilTheClientHasReconnected() throws Exception {
            FakeStompServer broker = server();
            StompClient client = client(options(broker.host()));
            client.connect();
            FakeStompServer.Conn first = broker.awaitConnection();
            CountDownLatch release = new CountDownLatch(1);
            broker.responder = f -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return FakeStompServer.CONNECTED_10;
            };
            first.close();
            FakeStompServer.Conn second = broker.awaitConnection();
            second.nextFrame();
            CompletableFuture<Void> sent = CompletableFuture.runAsync(
                    () -> client.send("/queue/x", Map.of(), "late".getBytes(StandardCharsets.UTF_8)));
            assertThat(client.isConnected()).isFalse();
            assertThat(sent).isNotDone();
            release.countDown();
            sent.get(10, TimeUnit.SECONDS);
            assertThat(second.nextFrame().bodyAsString()).isEqualTo("late");
        }

        @Test
        void shouldFailASendWhenNoBrokerComesBackWithinTheSendTimeout() throws Exception {
            FakeStompServer broker = server();
            StompClient client = client(options(broker.host()).sendTimeout(Duration.ofMillis(200)));
            client.connect();
            FakeStompServer.Conn first = broker.awaitConnection();
            broker.responder = f -> null; // never answers CONNECT again
            first.close();
            broker.awaitConnection();
            assertThatThrownBy(() -> client.send("/queue/x", Map.of(), new byte[0]))
                    .isInstanceOf(StompException.class)
                    .hasMessageContaining("message to /queue/x not sent");
        }
    }

    @Nested
    class Heartbeats {
        @Test
        void shouldSendHeartbeatsAtTheNegotiatedInterval() throws Exception {
            FakeStompServer broker = server();
            broker.responder = f -> StompFrame.of("CONNECTED", Map.of("version", "1.1", "heart-beat", "0,300"));
            StompClient client = client(options(broker.host()).heartBeatUnchecked(200, 0));
            client.connect();
            FakeStompServer.Conn conn = broker.awaitConnection();
            assertThat(conn.nextFrame().header("heart-beat")).contains("200,0");
            await().atMost(Duration.ofSeconds(10)).until(() -> conn.heartbeats.get() >= 2);
            assertThat(broker.connections()).hasSize(1);
        }

        @Test
        void shouldReconnectAfterMissedBrokerHeartbeats() throws Exception {
            FakeStompServer broker = server();
            broker.responder = f -> StompFrame.of("CONNECTED", Map.of("version", "1.1", "heart-beat", "200,0"));
            StompClient client = client(options(broker.host()).heartBeatUnchecked(0, 200));
            client.connect();
            client.subscribe("/topic/a", Map.of(), "a");
            broker.awaitConnection();
            FakeStompServer.Conn second = broker.awaitConnection();
            second.nextFrame();
            assertThat(second.nextFrame().headers())
                    .containsEntry("destination", "/topic/a")
                    .containsEntry("id", "a");
            assertThat(events).anySatisfy(e -> assertThat(e.detail()).contains("missed 2 heart-beats"));
        }
    }

    @Nested
    class Liveness {
        @Test
        void shouldReadTheNextFrameAfterAListenerThrowsAnError() throws Exception {
            FakeStompServer broker = server();
            StompClient client = client(options(broker.host()).onMessage(frame -> {
                if (frame.bodyAsString().equals("bad")) {
                    throw new AssertionError("a broken plugin");
                }
                messages.add(frame);
            }));
            client.connect();
            FakeStompServer.Conn conn = broker.awaitConnection();
            conn.send(message("bad"));
            conn.send(message("good"));

            await().atMost(Duration.ofSeconds(10)).until(() -> messages.size() == 1);
            assertThat(messages.get(0).bodyAsString()).isEqualTo("good");
            assertThat(client.failure()).isEmpty();
            assertThat(broker.connections()).hasSize(1);
        }

        @Test
        void shouldFailAndSayWhyWhenTheReaderThreadEnds() throws Exception {
            FakeStompServer broker = server();
            StompClient client = client(options(broker.host()).onMessage(frame -> {
                throw new InternalError("the JVM is failing");
            }));
            client.connect();
            assertThat(client.failure()).isEmpty();
            broker.awaitConnection().send(message("any"));

            await().atMost(Duration.ofSeconds(10)).until(() -> client.failure().isPresent());
            assertThat(client.failure().get())
                    .matches("STOMP reader thread stomp-reader-\\d+ ended: "
                            + "java.lang.InternalError: the JVM is failing");
            assertThat(client.isConnected()).isFalse();
            assertThatThrownBy(() -> client.send("/queue/x", Map.of(), new byte[0]))
                    .isInstanceOf(StompException.class)
                    .hasMessageContaining("is failed");
            client.close();
            assertThat(client.failure()).as("closed on request").isEmpty();
        }

        @Test
        void shouldFailWhenAnEventListenerErrorEndsTheReaderWhileReconnecting() throws Exception {
            FakeStompServer broker = server();
            StompClient client = client(options(broker.host()).onEvent(event -> {
                if (event.type() == ConnectionEvent.Type.LOST) {
                    throw new LinkageError("a broken listener");
                }
            }));
            client.connect();
            broker.awaitConnection().close();

            await().atMost(Duration.ofSeconds(10)).until(() -> client.failure().isPresent());
            assertThat(client.failure().get()).contains("ended: java.lang.LinkageError: a broken listener");
        }

        @Test
        void shouldReportGivingUpReconnectingAsAFailure() throws Exception {
            FakeStompServer broker = server();
            StompClient client =
                    client(options(broker.host()).maxReconnectAttempts(1).initialReconnectDelay(Duration.ofMillis(10)));
            client.connect();
            broker.awaitConnection();
            broker.close(); // nobody listens any more: every attempt is refused

            await().atMost(Duration.ofSeconds(10)).until(() -> client.failure().isPresent());
            assertThat(client.failure().get()).startsWith("gave up reconnecting: Could not connect to");
            assertThat(events).extracting(ConnectionEvent::type).contains(ConnectionEvent.Type.GAVE_UP);
        }

        private static StompFrame message(String body) {
            return StompFrameWriter.clientFrame(
                    "MESSAGE", headers("destination", "/queue/r"), body.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Nested
    class Closing {
        @Test
        void shouldStopItsThreadsAndBeIdempotent() throws Exception {
            FakeStompServer broker = server();
            broker.responder = f -> CONNECTED_11;
            StompClient client = client(options(broker.host()).heartbeatInterval(30));
            client.connect();
            assertThat(threadsNamed("stomp-")).isNotEmpty();
            client.close();
            client.close();
            client.disconnect();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> threadsNamed("stomp-").isEmpty());
            assertThatThrownBy(() -> client.subscribe("/topic/a", Map.of())).isInstanceOf(StompException.class);
        }
    }

    private List<Thread> threadsNamed(String prefix) {
        // only this test's client exists when the check runs; other test classes run sequentially
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
                .toList();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
