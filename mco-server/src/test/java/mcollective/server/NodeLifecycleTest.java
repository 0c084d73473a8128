package mcollective.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.McollectiveException;
import mcollective.config.Config;
import mcollective.config.ConfigBuilder;
import mcollective.config.ConfigException;
import mcollective.plugin.PluginRegistry;
import mcollective.protocol.Filter;
import mcollective.protocol.Request;
import mcollective.protocol.RequestId;
import mcollective.spi.Agent;
import mcollective.spi.Connector;
import mcollective.spi.PluginContext;
import mcollective.spi.SecurityProvider;
import mcollective.spi.Subscription;
import mcollective.testkit.InMemoryConnector;

/** Start, stop (soft or not, also while still connecting) and the agent reload of SIGUSR1. */
class NodeLifecycleTest {
    /** An agent whose requests take a while and then answer "done". */
    static final class SlowAgent implements Agent {
        final CountDownLatch running = new CountDownLatch(1);

        @Override
        public String name() {
            return "slow";
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(10);
        }

        @Override
        public Optional<Object> handle(Request request) {
            running.countDown();
            try {
                TimeUnit.MILLISECONDS.sleep(700);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of("done");
        }
    }

    @TempDir
    Path dir;

    final InMemoryConnector connector = new InMemoryConnector();
    final SlowAgent slow = new SlowAgent();
    Node node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.stop();
        }
    }

    ConfigBuilder config() {
        return Config.builder()
                .set("identity", "life.example.net")
                .set("connector", "inmemory")
                .set("plugin.psk", NodeTest.PSK)
                .set("libdir", dir.resolve("lib").toString())
                .set("plugin.yaml", dir.resolve("facts.yaml").toString())
                .set("classesfile", dir.resolve("classes.txt").toString())
                .environment(Map.of());
    }

    Node start(Config config, Connector with) {
        PluginRegistry registry = PluginRegistry.builder()
                .add(Connector.class, () -> with)
                .add(Agent.class, () -> slow)
                .build();
        node = new Node(config, registry, Clock.systemUTC(), Map.of());
        node.start();
        return node;
    }

    @Nested
    class ReloadAgents {
        @Test
        void shouldSubscribeAnExternalAgentAddedToTheLibdirAndUnsubscribeItWhenRemoved() throws IOException {
            start(config().build(), connector);
            assertThat(connector.subscriptions()).doesNotContain(Subscription.broadcast("shell", "mcollective"));

            Path ddl = addShellAgent();
            node.reloadAgents();

            assertThat(connector.subscriptions())
                    .contains(
                            Subscription.broadcast("shell", "mcollective"),
                            Subscription.broadcast("slow", "mcollective"),
                            Subscription.directed("mcollective"));
            Files.delete(ddl);
            node.reloadAgents();

            assertThat(connector.subscriptions())
                    .doesNotContain(Subscription.broadcast("shell", "mcollective"))
                    .contains(Subscription.broadcast("slow", "mcollective"), Subscription.directed("mcollective"));
            assertThat(connector.isConnected()).isTrue();
        }

        @Test
        void shouldKeepAgentsTheConfigDeactivates() throws IOException {
            start(config().set("plugin.shell.activate_agent", "0").build(), connector);
            addShellAgent();

            node.reloadAgents();

            assertThat(connector.subscriptions()).doesNotContain(Subscription.broadcast("shell", "mcollective"));
        }

        @Test
        void shouldKeepTheAgentsAsTheyWereWhenADdlIsBroken() throws IOException {
            start(config().build(), connector);
            Files.writeString(addShellAgent(), "metadata :name => \"shell\", :timeout =>\naction \"echo\" do\n");

            assertThatThrownBy(node::reloadAgents)
                    .isInstanceOf(McollectiveException.class)
                    .hasMessageContaining("shell");

            assertThat(connector.subscriptions())
                    .contains(Subscription.broadcast("slow", "mcollective"))
                    .doesNotContain(Subscription.broadcast("shell", "mcollective"));
        }

        @Test
        void shouldDoNothingBeforeTheNodeStarted() {
            node = new Node(
                    config().build(),
                    PluginRegistry.builder()
                            .add(Connector.class, () -> connector)
                            .build(),
                    Clock.systemUTC(),
                    Map.of());

            node.reloadAgents();

            assertThat(connector.subscriptions()).isEmpty();
        }

        Path addShellAgent() throws IOException {
            Path agents = Files.createDirectories(dir.resolve("lib/mcollective/agent/shell"))
                    .getParent();
            return Files.writeString(agents.resolve("shell.ddl"), """
                    metadata :name => "shell", :description => "Shell", :author => "test", :license => "ASL2",
                             :version => "1.0", :url => "http://example.net", :timeout => 2
                    action "echo", :description => "Echo" do
                    end
                    """);
        }
    }

    @Nested
    class Stop {
        @Test
        void shouldLetARunningRequestReplyFirstWithSoftShutdown() throws InterruptedException {
            start(config().set("soft_shutdown", "1").build(), connector);
            deliverSlowRequest();

            node.stop();

            assertThat(connector.replies()).hasSize(1);
            assertThat(connector.isConnected()).isFalse();
            assertThat(connector.subscriptions()).isEmpty();
        }

        @Test
        void shouldInterruptARunningRequestWithoutSoftShutdown() throws InterruptedException {
            start(config().build(), connector);
            deliverSlowRequest();

            node.stop();

            assertThat(connector.replies()).isEmpty();
        }

        @Test
        void shouldEndAStartThatWaitsBetweenBrokerConnectionAttemptsAndNotStartAgain() throws Exception {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = socket.getLocalPort();
            }
            Config config = config().set("connector", "activemq")
                    .set("plugin.activemq.pool.size", "1")
                    .set("plugin.activemq.pool.1.host", "127.0.0.1")
                    .set("plugin.activemq.pool.1.port", Integer.toString(closedPort))
                    .set("plugin.activemq.initial_reconnect_delay", "20")
                    .build();
            node = new Node(config, PluginRegistry.discover(), Clock.systemUTC(), Map.of());
            Thread starting = new Thread(node::start);
            starting.start();
            TimeUnit.SECONDS.sleep(1); // refused at once, then 20 s of back-off

            long begin = System.nanoTime();
            node.stop();
            starting.join(5000);

            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(3));
            assertThat(starting.isAlive()).isFalse();
            node.start();
            assertThat(node.isStarted()).isFalse();
        }

        void deliverSlowRequest() throws InterruptedException {
            Config config = config().build();
            PluginRegistry registry = PluginRegistry.builder().build();
            SecurityProvider security = registry.create(
                    SecurityProvider.class,
                    "psk",
                    new PluginContext(config, "psk", registry, Clock.systemUTC(), Map.of(), Map.of()));
            Request request = new Request(
                    RequestId.next(),
                    "tester",
                    "uid=0",
                    "slow",
                    "mcollective",
                    Filter.empty(),
                    60,
                    Clock.systemUTC().instant().getEpochSecond(),
                    "go");
            connector.deliver(security.encodeRequest(request), "/topic/mcollective.slow.agent", "/queue/r.1");
            assertThat(slow.running.await(5, TimeUnit.SECONDS)).isTrue();
            await().until(() -> node.stats().get("passed") == 1);
        }
    }

    @Test
    void shouldRefuseToStartWhenTheClassesFileIsADirectory() throws IOException {
        Files.createDirectory(dir.resolve("classes.txt"));

        assertThatThrownBy(() -> start(config().build(), connector))
                .isInstanceOf(ConfigException.class)
                .hasMessage("classesfile '" + dir.resolve("classes.txt") + "' is a directory");
    }
}
