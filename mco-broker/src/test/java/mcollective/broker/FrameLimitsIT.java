package mcollective.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hostile frames and a flood against the real embedded broker: each offender gets an ERROR frame and is closed,
 * and a client that was connected all along still gets its replies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrameLimitsIT {
    static final String USER = "mcollective";
    static final String PASSWORD = "s3cret";
    static final int MiB = 1024 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String REPLIES = "/queue/mcollective.reply.bystander_1.1";

    EmbeddedBroker broker;
    RawStomp bystander;

    @BeforeAll
    void startBroker() {
        // Scaled down: 1 MiB frames, 2 MiB per MCollective address, 4 MiB of memory for all messages.
        broker = EmbeddedBroker.builder()
                .port(0)
                .user(USER)
                .password(PASSWORD)
                .frameLimits(new FrameLimits(MiB, 50, 1024, 16 * 1024))
                .maxAddressBytes(2 * MiB)
                .maxMemoryBytes(4 * MiB)
                .build();
        broker.start();
    }

    @AfterAll
    void stopBroker() {
        broker.stop();
    }

    @BeforeEach
    void connectBystander() {
        bystander = client();
        bystander.subscribe(REPLIES, "1", Map.of());
    }

    @AfterEach
    void bystanderStillGetsItsReplies() {
        try (RawStomp node = client()) {
            node.sendTo(REPLIES, Map.of(), bytes("pong"));
            assertThat(bystander.receive(WAIT).orElseThrow().text()).isEqualTo("pong");
        } finally {
            bystander.close();
        }
    }

    RawStomp client() {
        RawStomp stomp = RawStomp.open(broker.host(), broker.port());
        assertThat(stomp.connect(USER, PASSWORD, Map.of()).command()).isEqualTo("CONNECTED");
        return stomp;
    }

    private void assertRefused(RawStomp attacker, String... inMessage) {
        RawStomp.Frame answer = attacker.receive(WAIT).orElseThrow(() -> new AssertionError("no ERROR frame"));
        assertThat(answer.command()).isEqualTo("ERROR");
        assertThat(answer.header("message")).contains(inMessage);
        assertThat(attacker.closedByBroker(WAIT)).isTrue();
    }

    @Nested
    class Frames {
        @Test
        void shouldRefuseAnOversizedBodyAsSoonAsItsContentLengthArrives() {
            try (RawStomp attacker = client()) {
                attacker.write(bytes("SEND\ndestination:/queue/x\ncontent-length:" + 2 * MiB + "\n\n"));

                assertRefused(attacker, Integer.toString(2 * MiB), Integer.toString(MiB));
            }
        }

        @Test
        void shouldRefuseAnOversizedBodyWithoutContentLengthOnceItPassesTheLimit() {
            try (RawStomp attacker = client()) {
                attacker.write(bytes("SEND\ndestination:/queue/x\n\n"));
                attacker.write(bytes("x".repeat(MiB + 1)));

                assertRefused(attacker, "more than " + MiB);
            }
        }

        @Test
        void shouldRefuseTooManyHeaders() {
            StringBuilder frame = new StringBuilder("SEND\ndestination:/topic/mcollective.x.agent\n");
            for (int i = 0; i < 51; i++) {
                frame.append("h").append(i).append(":v\n");
            }
            try (RawStomp attacker = client()) {
                attacker.write(bytes(frame.toString()));

                assertRefused(attacker, "more than 50 headers", "plugin.broker.max_headers");
            }
        }

        @Test
        void shouldRefuseAHugeHeaderLineBeforeItsEnd() {
            try (RawStomp attacker = client()) {
                attacker.write(bytes("SEND\nselector:" + "x".repeat(4096)));

                assertRefused(attacker, "1024 bytes", "plugin.broker.max_header_line_size");
            }
        }

        @Test
        void shouldRefuseALargeFrameBeforeLoggingIn() {
            try (RawStomp attacker = RawStomp.open(broker.host(), broker.port())) {
                attacker.write(bytes("CONNECT\nlogin:x\ncontent-length:100000\n\n"));

                assertRefused(attacker, "before CONNECT");
            }
        }
    }

    @Nested
    class Flood {
        @Test
        void shouldKeepRequestsAndRepliesFlowingAfterTenFullFramesToUnreadQueues() {
            byte[] full = new byte[MiB - 1024];
            try (RawStomp flooder = client()) {
                for (int i = 0; i < 10; i++) {
                    flooder.sendTo("/queue/flood." + i, Map.of(), full);
                    flooder.sendTo("/queue/mcollective.reply.gone_" + i + ".1", Map.of(), full);
                }
                flooder.sendTo("/queue/mcollective.nodes", Map.of("mc_identity", "ghost"), full);
            }
            try (RawStomp node = client();
                    RawStomp requester = client()) {
                node.subscribe("/queue/mcollective.nodes", "1", Map.of("selector", "mc_identity = 'node1'"));
                node.subscribe("/topic/mcollective.discovery.agent", "2", Map.of());

                // Nothing pages: requests get through once the unread queues are gone and memory is free (a second).
                assertThat(firstThrough(
                                requester, node, "/topic/mcollective.discovery.agent", Map.of(), "broadcast ping"))
                        .map(RawStomp.Frame::text)
                        .hasValue("broadcast ping");
                Optional<RawStomp.Frame> directed = firstThrough(
                        requester, node, "/queue/mcollective.nodes", Map.of("mc_identity", "node1"), "directed ping");
                assertThat(directed).map(RawStomp.Frame::text).hasValue("directed ping");
            }
        }
    }

    /** Sends {@code text} once a second until {@code receiver} gets it, ten times at most. */
    static Optional<RawStomp.Frame> firstThrough(
            RawStomp sender, RawStomp receiver, String destination, Map<String, String> headers, String text) {
        Optional<RawStomp.Frame> got = Optional.empty();
        for (int attempt = 0; attempt < 10 && got.isEmpty(); attempt++) {
            sender.sendTo(destination, headers, bytes(text));
            got = receiver.receive(Duration.ofSeconds(1));
        }
        return got;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
