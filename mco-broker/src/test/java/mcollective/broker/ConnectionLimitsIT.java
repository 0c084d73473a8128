package mcollective.broker;

import static mcollective.broker.FrameLimitsIT.PASSWORD;
import static mcollective.broker.FrameLimitsIT.USER;
import static mcollective.broker.FrameLimitsIT.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Connections that never log in, too many connections, idle logged-in connections and a client that stops reading,
 * against the real embedded broker with a connect timeout of 2 s and a write timeout of 3 s.
 */
class ConnectionLimitsIT {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private EmbeddedBroker broker;
    private final List<RawStomp> opened = new ArrayList<>();

    private void start(UnaryOperator<EmbeddedBroker.Builder> tuning) {
        broker = tuning.apply(EmbeddedBroker.builder()
                        .port(0)
                        .user(USER)
                        .password(PASSWORD)
                        .connectTimeout(CONNECT_TIMEOUT)
                        .writeTimeout(Duration.ofSeconds(3)))
                .build();
        broker.start();
    }

    @AfterEach
    void stop() {
        opened.forEach(RawStomp::close);
        broker.stop();
    }

    private RawStomp open() {
        RawStomp stomp = RawStomp.open(broker.host(), broker.port());
        opened.add(stomp);
        return stomp;
    }

    private RawStomp client() {
        RawStomp stomp = open();
        assertThat(stomp.connect(USER, PASSWORD, Map.of()).command()).isEqualTo("CONNECTED");
        return stomp;
    }

    /** A message sent now reaches a subscriber that connected now: the broker still serves. */
    private void assertServing() {
        try (RawStomp node = RawStomp.open(broker.host(), broker.port());
                RawStomp sender = RawStomp.open(broker.host(), broker.port())) {
            assertThat(node.connect(USER, PASSWORD, Map.of()).command()).isEqualTo("CONNECTED");
            assertThat(sender.connect(USER, PASSWORD, Map.of()).command()).isEqualTo("CONNECTED");
            node.subscribe("/topic/mcollective.discovery.agent", "1", Map.of());
            sender.sendTo("/topic/mcollective.discovery.agent", Map.of(), bytes("ping"));
            assertThat(node.receive(WAIT).orElseThrow().text()).isEqualTo("ping");
        }
    }

    @Test
    void shouldCloseThreeHundredHalfOpenConnectionsWithinSecondsAndKeepServing() {
        start(b -> b);
        List<RawStomp> silent = new ArrayList<>();
        List<RawStomp> unfinished = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            silent.add(open());
            RawStomp partial = open();
            partial.write(bytes("CONNECT\nlogin:" + USER + "\n"));
            unfinished.add(partial);
        }
        long start = System.nanoTime();

        for (RawStomp stomp : silent) {
            assertThat(stomp.closedByBroker(WAIT))
                    .as("a connection that sent nothing")
                    .isTrue();
        }
        for (RawStomp stomp : unfinished) {
            RawStomp.Frame answer = stomp.receive(WAIT).orElseThrow(() -> new AssertionError("no ERROR frame"));
            assertThat(answer.header("message")).contains("not logged in within 2 s", "plugin.broker.connect_timeout");
            assertThat(stomp.closedByBroker(WAIT)).isTrue();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WAIT);
        assertServing();
    }

    @Test
    void shouldRefuseConnectionsBeyondTheLimitWithAnErrorFrame() {
        start(b -> b.maxConnections(3));
        RawStomp first = client();
        RawStomp second = client();
        client();

        RawStomp fourth = open();
        RawStomp.Frame answer = fourth.connect(USER, PASSWORD, Map.of());
        assertThat(answer.command()).isEqualTo("ERROR");
        assertThat(answer.header("message")).contains("connection limit of 3", "plugin.broker.max_connections");
        assertThat(fourth.closedByBroker(WAIT)).isTrue();

        first.close();
        second.close();
        await().atMost(WAIT).untilAsserted(this::assertServing);
    }

    @Test
    void shouldKeepAnIdleLoggedInStomp10ConnectionPastTheTimeoutsThatDropOthers() throws InterruptedException {
        start(b -> b);
        RawStomp idle = client();
        idle.subscribe("/topic/mcollective.rpcutil.agent", "1", Map.of());
        RawStomp anonymous = open();
        anonymous.write(bytes("CONNECT\n"));

        // Three connect timeouts (and three of Artemis' 2 s connection TTL checks): the anonymous one is long gone.
        Thread.sleep(3 * CONNECT_TIMEOUT.toMillis());

        assertThat(anonymous.closedByBroker(Duration.ofMillis(100))).isTrue();
        try (RawStomp sender = client()) {
            sender.sendTo("/topic/mcollective.rpcutil.agent", Map.of(), bytes("still here"));
        }
        assertThat(idle.receive(WAIT).orElseThrow().text()).isEqualTo("still here");
    }

    @Test
    void shouldDropAnIdleStomp10ConnectionAfterAnIdleTimeoutWhenOneIsSet() {
        start(b -> b.idleTimeout(Duration.ofSeconds(1)));
        RawStomp idle = client();

        assertThat(idle.closedByBroker(WAIT)).isTrue();
        assertServing();
    }

    @Test
    void shouldCloseAConnectionThatStopsReadingAndKeepServingTheOthers() throws InterruptedException {
        // The stalled subscriber's copies count against the topic until it is closed: the topic must hold them.
        start(b -> b.maxAddressBytes(32L * FrameLimitsIT.MiB).maxMemoryBytes(64L * FrameLimitsIT.MiB));
        RawStomp stalled = RawStomp.open(broker.host(), broker.port(), 4096);
        opened.add(stalled);
        assertThat(stalled.connect(USER, PASSWORD, Map.of()).command()).isEqualTo("CONNECTED");
        stalled.subscribe("/topic/mcollective.inventory.agent", "1", Map.of());
        RawStomp reader = client();
        reader.subscribe("/topic/mcollective.inventory.agent", "1", Map.of());

        byte[] chunk = new byte[256 * 1024];
        try (RawStomp sender = client()) {
            for (int i = 0; i < 40; i++) {
                sender.sendTo("/topic/mcollective.inventory.agent", Map.of(), chunk);
                assertThat(reader.receive(WAIT))
                        .as("message %d to the reading subscriber", i)
                        .isPresent();
            }
            Thread.sleep(5000);
            sender.sendTo("/topic/mcollective.inventory.agent", Map.of(), bytes("after"));
        }

        assertThat(reader.receive(WAIT).orElseThrow().text()).isEqualTo("after");
        assertThat(stalled.closedByBroker(WAIT))
                .as("the client that stopped reading")
                .isTrue();
    }
}
