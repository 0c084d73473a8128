package mcollective.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The logins of a broker with users in each role, against a real broker on an ephemeral port (ADR 012). */
class BrokerPermissionsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String REQUESTS = "/topic/mcollective.discovery.agent";
    private static final String DIRECTED = "/queue/mcollective.nodes";
    private static final String ALICE_REPLIES = "/queue/mcollective.reply.alice_4242.1";
    private static final String BOB_REPLIES = "/queue/mcollective.reply.bob.example.net_77.3";
    private static final String NOTIFICATIONS = "/topic/activemq.notifications";

    private EmbeddedBroker broker;

    @BeforeEach
    void startBroker() {
        broker = EmbeddedBroker.builder()
                .port(0)
                .addUser(new BrokerUser("admin", BrokerRole.ADMIN, Password.plain("admin-pw")))
                .addUser(new BrokerUser("nodes", BrokerRole.NODE, Password.hashed(Password.hash("node-pw"), "test")))
                .addUser(new BrokerUser("alice", BrokerRole.CLIENT, Password.plain("alice-pw")))
                .addUser(new BrokerUser("bob", BrokerRole.CLIENT, Password.plain("bob-pw"), List.of("bob.example.net")))
                .build();
        broker.start();
    }

    @AfterEach
    void stopBroker() {
        broker.stop();
    }

    private RawStomp login(String user) {
        RawStomp stomp = RawStomp.open(broker.host(), broker.port());
        RawStomp.Frame answer = stomp.connect(user, user.equals("nodes") ? "node-pw" : user + "-pw", Map.of());
        assertThat(answer.command()).as("CONNECT answer %s", answer).isEqualTo("CONNECTED");
        return stomp;
    }

    /** Subscribes or sends with a receipt and returns the broker's answer: RECEIPT, or ERROR when refused. */
    private static RawStomp.Frame answer(RawStomp stomp, String command, String destination) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("destination", destination);
        headers.put("receipt", "r1");
        if (command.equals("SUBSCRIBE")) {
            headers.put("id", "1");
        }
        stomp.send(command, headers, "x".getBytes(StandardCharsets.UTF_8));
        return stomp.receive(WAIT).orElseThrow(() -> new AssertionError("no answer"));
    }

    /**
     * Asserts that {@code user} is refused what an admin is allowed (Artemis does not always say why it refuses a
     * subscription or a send, so the admin shows that the refusal is the login's).
     */
    private void assertRefused(String user, String command, String destination) {
        try (RawStomp stomp = login(user);
                RawStomp admin = login("admin")) {
            assertThat(answer(stomp, command, destination).command())
                    .as("%s %s by %s", command, destination, user)
                    .isEqualTo("ERROR");
            assertThat(answer(admin, command, destination).command())
                    .as("%s %s by admin", command, destination)
                    .isEqualTo("RECEIPT");
        }
    }

    @Nested
    class Nodes {
        @Test
        void shouldNotReadAClientsReplies() {
            assertRefused("nodes", "SUBSCRIBE", ALICE_REPLIES);
        }

        @Test
        void shouldNotReadTheBrokersNotifications() {
            assertRefused("nodes", "SUBSCRIBE", NOTIFICATIONS);
        }

        @Test
        void shouldNotSubscribeToEveryTopic() {
            assertRefused("nodes", "SUBSCRIBE", "/topic/#");
        }

        @Test
        void shouldNotPublishABroadcastRequest() {
            assertRefused("nodes", "SEND", REQUESTS);
        }

        @Test
        void shouldNotPublishADirectedRequest() {
            assertRefused("nodes", "SEND", DIRECTED);
        }
    }

    @Nested
    class Clients {
        @Test
        void shouldNotReadAnotherClientsReplyQueue() {
            assertRefused("alice", "SUBSCRIBE", BOB_REPLIES);
        }

        @Test
        void shouldNotReadAReplyQueueOfAnIdentityThatOnlyStartsWithItsOwn() {
            assertRefused("alice", "SUBSCRIBE", "/queue/mcollective.reply.alice_x_12.1");
        }

        @Test
        void shouldNotSubscribeToRequests() {
            assertRefused("alice", "SUBSCRIBE", REQUESTS);
        }

        @Test
        void shouldNotReadDirectedRequests() {
            assertRefused("alice", "SUBSCRIBE", DIRECTED);
        }

        @Test
        void shouldNotReadTheBrokersNotifications() {
            assertRefused("bob", "SUBSCRIBE", NOTIFICATIONS);
        }

        @Test
        void shouldNotSubscribeToEveryTopic() {
            assertRefused("bob", "SUBSCRIBE", "/topic/#");
        }

        @Test
        void shouldReadTheRepliesToItsConfiguredIdentity() {
            try (RawStomp bob = login("bob")) {
                assertThat(answer(bob, "SUBSCRIBE", BOB_REPLIES).command()).isEqualTo("RECEIPT");
            }
        }
    }

    @Nested
    class RequestAndReply {
        @Test
        void shouldCarryARequestFromAClientToANodeAndTheReplyBack() {
            try (RawStomp node = login("nodes");
                    RawStomp alice = login("alice")) {
                node.subscribe(REQUESTS, "1", Map.of());
                node.subscribe(DIRECTED, "2", Map.of("selector", "mc_identity = 'node1'"));
                alice.subscribe(ALICE_REPLIES, "1", Map.of());

                alice.sendTo(REQUESTS, Map.of("reply-to", ALICE_REPLIES), bytes("ping"));
                alice.sendTo(DIRECTED, Map.of("mc_identity", "node1", "reply-to", ALICE_REPLIES), bytes("direct"));
                RawStomp.Frame broadcast = node.receive(WAIT).orElseThrow();
                RawStomp.Frame directed = node.receive(WAIT).orElseThrow();
                node.sendTo(broadcast.header("reply-to"), Map.of(), bytes("pong"));
                node.sendTo("/topic/mcollective.registration.agent", Map.of(), bytes("registration"));

                assertThat(List.of(broadcast.text(), directed.text())).containsExactlyInAnyOrder("ping", "direct");
                assertThat(alice.receive(WAIT).orElseThrow().text()).isEqualTo("pong");
            }
        }
    }

    @Nested
    class Admins {
        @Test
        void shouldReadNotificationsAndEveryTopicAndPublishRequests() {
            try (RawStomp watcher = login("admin");
                    RawStomp admin = login("admin");
                    RawStomp node = login("nodes")) {
                watcher.subscribe("/topic/#", "1", Map.of());
                watcher.subscribe(NOTIFICATIONS, "2", Map.of());
                node.subscribe(REQUESTS, "1", Map.of());

                admin.sendTo(REQUESTS, Map.of(), bytes("from admin"));

                assertThat(node.receive(WAIT).orElseThrow().text()).isEqualTo("from admin");
                assertThat(watcher.receive(WAIT).orElseThrow().header("destination"))
                        .isIn("activemq.notifications", "/topic/mcollective.discovery.agent");
            }
        }
    }

    @Nested
    class Logins {
        @Test
        void shouldRefuseAnUnknownUser() {
            try (RawStomp stomp = RawStomp.open(broker.host(), broker.port())) {
                assertThat(stomp.connect("mallory", "admin-pw", Map.of()).command())
                        .isEqualTo("ERROR");
            }
        }

        @Test
        void shouldRefuseAWrongPasswordForAHashedOne() {
            try (RawStomp stomp = RawStomp.open(broker.host(), broker.port())) {
                assertThat(stomp.connect("nodes", "node-pw2", Map.of()).command())
                        .isEqualTo("ERROR");
            }
        }

        @Test
        void shouldNotAcceptTheDefaultLoginOnceUsersAreConfigured() {
            try (RawStomp stomp = RawStomp.open(broker.host(), broker.port())) {
                assertThat(stomp.connect("mcollective", "marionette", Map.of()).command())
                        .isEqualTo("ERROR");
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
