package mcollective.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.config.Config;
import mcollective.plugin.PluginRegistry;
import mcollective.protocol.Filter;
import mcollective.protocol.Request;
import mcollective.protocol.RequestId;
import mcollective.spi.Agent;
import mcollective.spi.Connector;
import mcollective.spi.PluginContext;
import mcollective.spi.SecurityProvider;
import mcollective.testkit.InMemoryConnector;
import mcollective.testkit.LogCapture;
import mcollective.testkit.MutableClock;

/** A node refuses a second copy of a request it accepted, and a request dated too far ahead of its clock. */
class ReplayProtectionTest {
    /** Counts the requests it runs. */
    static final class CountingAgent implements Agent {
        static final AtomicInteger RUNS = new AtomicInteger();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(5);
        }

        @Override
        public Optional<Object> handle(Request request) {
            return Optional.of("run " + RUNS.incrementAndGet());
        }
    }

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock();
    final InMemoryConnector connector = new InMemoryConnector();
    Node node;
    SecurityProvider security;

    Node start(int capacity, String... settings) throws Exception {
        CountingAgent.RUNS.set(0);
        Files.writeString(dir.resolve("facts.yaml"), "---\nplatform: centos\n");
        PluginRegistry registry = PluginRegistry.builder()
                .add(Connector.class, () -> connector)
                .add(Agent.class, CountingAgent::new)
                .build();
        var builder = Config.builder()
                .set("identity", "unit.example.net")
                .set("connector", "inmemory")
                .set("plugin.psk", "unit-psk")
                .set("plugin.yaml", dir.resolve("facts.yaml").toString())
                .set("classesfile", dir.resolve("classes.txt").toString());
        for (int i = 0; i < settings.length; i += 2) {
            builder.set(settings[i], settings[i + 1]);
        }
        Config config = builder.environment(Map.of()).build();
        node = new Node(config, registry, clock, Map.of(), capacity);
        node.start();
        security = registry.create(
                SecurityProvider.class, "psk", new PluginContext(config, "psk", registry, clock, Map.of(), Map.of()));
        return node;
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void shouldRunARequestSentTwiceOnceAndCountTheCopy() throws Exception {
        start(ReplayGuard.DEFAULT_CAPACITY);
        byte[] payload = security.encodeRequest(request(RequestId.next(), 0, 60));

        try (LogCapture log = LogCapture.of(RequestProcessor.class)) {
            connector.deliver(payload, "t", "/queue/r");
            connector.deliver(payload, "t", "/queue/r");

            await().atMost(Duration.ofSeconds(5))
                    .until(() -> connector.replies().size() == 1);
            assertThat(log.lines())
                    .singleElement()
                    .asString()
                    .startsWith("WARN Message ")
                    .endsWith("from tester (caller uid=0) was received before; rejecting this copy as a replay");
        }
        assertThat(node.stats().get("replayed")).isEqualTo(1);
        assertThat(node.stats().get("passed")).isEqualTo(1);
        assertThat(CountingAgent.RUNS).hasValue(1);
        assertVerdictsAddUp();
    }

    @Test
    void shouldRunBothCopiesWhenReplayProtectionIsOff() throws Exception {
        start(ReplayGuard.DEFAULT_CAPACITY, "replay_protection", "0");
        byte[] payload = security.encodeRequest(request(RequestId.next(), 0, 60));

        connector.deliver(payload, "t", "/queue/r");
        connector.deliver(payload, "t", "/queue/r");

        await().atMost(Duration.ofSeconds(5)).until(() -> CountingAgent.RUNS.get() == 2);
        assertThat(node.stats().get("replayed")).isZero();
    }

    @Test
    void shouldRefuseARequestDatedAnHourAheadAndAcceptOneWithinTheSkew() throws Exception {
        start(ReplayGuard.DEFAULT_CAPACITY);

        try (LogCapture log = LogCapture.of(RequestProcessor.class)) {
            connector.deliver(security.encodeRequest(request(RequestId.next(), 3600, 60)), "t", "/queue/r");

            assertThat(log.lines())
                    .singleElement()
                    .asString()
                    .endsWith("is 3600 seconds in the future, more than max_clock_skew 60. Rejecting message.");
        }
        connector.deliver(security.encodeRequest(request(RequestId.next(), 60, 60)), "t", "/queue/r");

        await().atMost(Duration.ofSeconds(5)).until(() -> connector.replies().size() == 1);
        assertThat(node.stats().get("skewed")).isEqualTo(1);
        assertThat(CountingAgent.RUNS).hasValue(1);
        assertVerdictsAddUp();
    }

    @Test
    void shouldAcceptAnyFutureMsgtimeWhenTheSkewCheckIsOff() throws Exception {
        start(ReplayGuard.DEFAULT_CAPACITY, "max_clock_skew", "0");

        connector.deliver(security.encodeRequest(request(RequestId.next(), 3600, 60)), "t", "/queue/r");

        await().atMost(Duration.ofSeconds(5)).until(() -> CountingAgent.RUNS.get() == 1);
        assertThat(node.stats().get("skewed")).isZero();
    }

    @Test
    void shouldRefuseACopyUntilTheTtlHasPassedAndThenAsExpired() throws Exception {
        start(ReplayGuard.DEFAULT_CAPACITY);
        byte[] payload = security.encodeRequest(request(RequestId.next(), 0, 60));
        connector.deliver(payload, "t", "/queue/r");

        clock.advance(Duration.ofSeconds(60));
        connector.deliver(payload, "t", "/queue/r");
        clock.advance(Duration.ofSeconds(1));
        connector.deliver(payload, "t", "/queue/r");

        assertThat(node.stats().get("replayed")).isEqualTo(1);
        assertThat(node.stats().get("ttlexpired")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> CountingAgent.RUNS.get() == 1);
        assertVerdictsAddUp();
    }

    @Test
    void shouldRefuseNewRequestsWhileTheMemoryIsFullAndAcceptThemOnceIdsExpire() throws Exception {
        start(2);
        connector.deliver(security.encodeRequest(request(RequestId.next(), 0, 10)), "t", "/queue/r");
        connector.deliver(security.encodeRequest(request(RequestId.next(), 0, 60)), "t", "/queue/r");

        try (LogCapture log = LogCapture.of(RequestProcessor.class)) {
            connector.deliver(security.encodeRequest(request(RequestId.next(), 0, 60)), "t", "/queue/r");

            assertThat(log.lines())
                    .singleElement()
                    .asString()
                    .endsWith("the node already remembers 2 request ids whose TTL has not passed "
                            + "(replay_protection)");
        }
        clock.advance(Duration.ofSeconds(11));
        connector.deliver(security.encodeRequest(request(RequestId.next(), 0, 60)), "t", "/queue/r");

        assertThat(node.stats().get("replayfull")).isEqualTo(1);
        assertThat(node.stats().get("passed")).isEqualTo(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> CountingAgent.RUNS.get() == 3);
        assertVerdictsAddUp();
    }

    @Test
    void shouldRememberOnlyAuthenticRequests() throws Exception {
        start(ReplayGuard.DEFAULT_CAPACITY);
        Request request = request(RequestId.next(), 0, 60);
        Config otherPsk = Config.builder()
                .set("plugin.psk", "not-the-node-psk")
                .environment(Map.of())
                .build();
        PluginRegistry registry = PluginRegistry.builder().build();
        byte[] forged = registry.create(
                        SecurityProvider.class,
                        "psk",
                        new PluginContext(otherPsk, "psk", registry, clock, Map.of(), Map.of()))
                .encodeRequest(request);

        connector.deliver(forged, "t", "/queue/r");
        connector.deliver(security.encodeRequest(request), "t", "/queue/r");

        await().atMost(Duration.ofSeconds(5)).until(() -> CountingAgent.RUNS.get() == 1);
        assertThat(node.stats().get("unvalidated")).isEqualTo(1);
        assertThat(node.stats().get("replayed")).isZero();
    }

    private void assertVerdictsAddUp() {
        long verdicts =
                RunnerStats.VERDICTS.stream().mapToLong(node.stats()::get).sum();
        assertThat(verdicts).isEqualTo(node.stats().get("total"));
    }

    private Request request(String id, long aheadSeconds, int ttl) {
        return new Request(
                id,
                "tester",
                "uid=0",
                "counting",
                "mcollective",
                Filter.empty(),
                ttl,
                clock.instant().getEpochSecond() + aheadSeconds,
                "x");
    }
}
