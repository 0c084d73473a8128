package mcollective.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import mcollective.McollectiveException;
import mcollective.config.Config;
import mcollective.protocol.Filter;
import mcollective.protocol.Request;
import mcollective.rpc.RpcStatus;
import mcollective.spi.OutboundRequest;

/**
 * The SimpleRPC client as a program embedding it uses it, against nodes on the in-memory connector: discovery,
 * direct or broadcast addressing, limits, batches and fire-and-forget, with results and stats as values.
 */
class RpcClientTest {
    static final List<String> NODES = FakeFleet.names(3);

    final FakeFleet fleet = new FakeFleet(NODES);

    @AfterEach
    void close() {
        fleet.close();
    }

    RpcClient client(
            Config config, Filter filter, Optional<String> limit, Optional<Long> seed, Optional<String> batch) {
        return client(
                config,
                new RpcClient.Settings(
                        filter, Optional.empty(), Duration.ofSeconds(5), limit, seed, batch, Duration.ZERO));
    }

    /** An RPC client for the echo agent, discovering and calling through one connection, as the CLI does. */
    RpcClient client(Config config, RpcClient.Settings settings) {
        Supplier<Client> connection = fleet.client(config);
        Discoverer discoverer = new Discoverer(
                config,
                fleet.registry,
                new Discoverer.Request(Optional.empty(), List.of(), Optional.empty(), Optional.empty(), false),
                Optional.empty(),
                connection);
        return new RpcClient(config, discoverer, connection, "echo", settings);
    }

    RpcClient client(Config config, Filter filter) {
        return client(config, filter, Optional.empty(), Optional.empty(), Optional.empty());
    }

    RpcClient client(Filter filter) {
        return client(fleet.config(), filter);
    }

    static Filter identities(String... names) {
        Filter.Builder filter = Filter.builder();
        for (String name : names) {
            filter.addIdentity(name);
        }
        return filter.build();
    }

    List<OutboundRequest> rpcPublished() {
        return fleet.published().stream().filter(p -> p.agent().equals("echo")).toList();
    }

    @Nested
    class Call {
        @Test
        void shouldDiscoverByBroadcastThenCallEveryNodeDirectly() {
            List<RpcResult> results = new ArrayList<>();

            RpcStats stats = client(Filter.empty()).call("ping", Map.of(), results::add);

            assertThat(results).extracting(RpcResult::sender).containsExactlyInAnyOrderElementsOf(NODES);
            assertThat(results).allSatisfy(r -> {
                assertThat(r.ok()).isTrue();
                assertThat(r.data()).containsEntry("pong", 1L);
                assertThat(r.agent()).isEqualTo("echo");
                assertThat(r.action()).isEqualTo("ping");
            });
            assertThat(fleet.published()).extracting(OutboundRequest::agent).containsExactly("discovery", "echo");
            assertThat(rpcPublished().get(0).targets()).containsExactlyInAnyOrderElementsOf(NODES);
            assertThat(stats.discoveredCount()).isEqualTo(3);
            assertThat(stats.okCount()).isEqualTo(3);
            assertThat(stats.noResponseFrom()).isEmpty();
        }

        @Test
        void shouldSendTheFilterAndTheAgentToTheDiscoveryBroadcast() {
            client(Filter.builder().addFact("platform=centos").build()).call("ping", Map.of(), r -> {});

            Request discovery = fleet.requests().get(0);
            assertThat(discovery.agent()).isEqualTo("discovery");
            assertThat(discovery.body()).isEqualTo("ping");
            assertThat(discovery.filter().agent()).containsExactly("echo");
            assertThat(discovery.filter().fact()).hasSize(1);
        }

        @Test
        void shouldBroadcastTheRequestWithItsFilterAboveTheDirectAddressingThreshold() {
            RpcStats stats = client(fleet.config("direct_addressing_threshold=2"), Filter.empty())
                    .call("ping", Map.of(), r -> {});

            assertThat(rpcPublished())
                    .singleElement()
                    .satisfies(p -> assertThat(p.targets()).isEmpty());
            assertThat(fleet.requests().get(1).filter().agent()).containsExactly("echo");
            assertThat(stats.responses()).isEqualTo(3);
        }

        @Test
        void shouldSendTheInputsAndWantResults() {
            client(identities("node1.example.net")).call("echo", Map.of("message", "hello"), r -> {});

            assertThat(fleet.rpcRequests()).singleElement().satisfies(request -> {
                assertThat(request.action()).isEqualTo("echo");
                assertThat(request.data()).containsEntry("message", "hello");
                assertThat(request.processResults()).isTrue();
                assertThat(request.sender()).isEqualTo("client.example.net");
            });
        }

        @Test
        void shouldReturnFailuresAsValues() {
            List<RpcResult> results = new ArrayList<>();

            RpcStats stats = client(Filter.empty()).call("fail", Map.of(), results::add);

            assertThat(results).hasSize(3).allSatisfy(r -> {
                assertThat(r.ok()).isFalse();
                assertThat(r.status()).isEqualTo(RpcStatus.ABORTED);
                assertThat(r.statusmsg()).isEqualTo("failed on purpose");
            });
            assertThat(stats.failCount()).isEqualTo(3);
            assertThat(stats.okCount()).isZero();
        }

        @Test
        void shouldSendNothingWhenNobodyIsDiscovered() {
            RpcStats stats = client(identities("/nosuch/")).call("ping", Map.of(), r -> {});

            assertThat(rpcPublished()).isEmpty();
            assertThat(stats.discoveredCount()).isZero();
            assertThat(stats.requestId()).isEmpty();
        }

        @Test
        void shouldCallEachBatchInTurn() {
            RpcStats stats = client(
                            fleet.config(), Filter.empty(), Optional.empty(), Optional.empty(), Optional.of("2"))
                    .call("ping", Map.of(), r -> {});

            assertThat(rpcPublished()).extracting(p -> p.targets().size()).containsExactly(2, 1);
            assertThat(stats.responses()).isEqualTo(3);
        }

        @Test
        void shouldRefuseBatchesWithoutDirectAddressing() {
            RpcClient client = client(
                    fleet.config("direct_addressing=false"),
                    Filter.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("2"));

            assertThatThrownBy(() -> client.call("ping", Map.of(), r -> {}))
                    .isInstanceOf(McollectiveException.class)
                    .hasMessage("Batched requests requires direct addressing");
        }
    }

    @Nested
    class Discovery {
        @Test
        void shouldSkipDiscoveryForPlainIdentities() {
            RpcClient client = client(identities("node1.example.net", "node3.example.net"));

            RpcStats stats = client.call("ping", Map.of(), r -> {});

            assertThat(fleet.published()).extracting(OutboundRequest::agent).containsExactly("echo");
            assertThat(rpcPublished().get(0).targets()).containsExactly("node1.example.net", "node3.example.net");
            assertThat(stats.discoveryTime()).isZero();
            assertThat(stats.responded()).containsExactlyInAnyOrder("node1.example.net", "node3.example.net");
        }

        @Test
        void shouldBroadcastPlainIdentitiesWithoutDirectAddressing() {
            client(fleet.config("direct_addressing=false"), identities("node1.example.net"))
                    .call("ping", Map.of(), r -> {});

            assertThat(rpcPublished())
                    .singleElement()
                    .satisfies(p -> assertThat(p.targets()).isEmpty());
            assertThat(fleet.requests().get(0).filter().identity()).containsExactly("node1.example.net");
        }

        @Test
        void shouldDiscoverForAnIdentityRegex() {
            client(identities("/node/")).call("ping", Map.of(), r -> {});

            assertThat(fleet.published()).extracting(OutboundRequest::agent).startsWith("discovery");
        }

        @Test
        void shouldDiscoverOnceForManyCalls() {
            RpcClient client = client(Filter.empty());

            client.call("ping", Map.of(), r -> {});
            client.call("ping", Map.of(), r -> {});

            assertThat(fleet.published())
                    .extracting(OutboundRequest::agent)
                    .containsExactly("discovery", "echo", "echo");
        }

        @Test
        void shouldTellTheListenerWhatTheMethodFound() {
            List<String> heard = new ArrayList<>();
            DiscoveryListener listener = new DiscoveryListener() {
                @Override
                public void discovering(String method, Duration timeout) {
                    heard.add(method + " for " + timeout.toSeconds() + "s");
                }

                @Override
                public void discovered(String method, List<String> found) {
                    heard.add(found.size() + " found");
                }
            };

            List<String> nodes = client(Filter.empty()).discover(listener);

            assertThat(nodes).containsExactlyInAnyOrderElementsOf(NODES);
            assertThat(heard).containsExactly("mc for 1s", "3 found");
        }

        @Test
        void shouldAddressTheNodesItIsGivenDirectly() {
            RpcClient client = client(Filter.empty());
            client.useNodes(List.of("node2.example.net"));

            RpcStats stats = client.call("ping", Map.of(), r -> {});

            assertThat(fleet.published())
                    .extracting(OutboundRequest::targets)
                    .containsExactly(List.of("node2.example.net"));
            assertThat(stats.discovered()).contains(List.of("node2.example.net"));
        }
    }

    @Nested
    class Limits {
        @Test
        void shouldStopDiscoveryAtTheLimitAndCallThoseNodes() {
            RpcStats stats = client(
                            fleet.config(), Filter.empty(), Optional.of("2"), Optional.empty(), Optional.empty())
                    .call("ping", Map.of(), r -> {});

            assertThat(stats.discoveredCount()).isEqualTo(2);
            assertThat(rpcPublished().get(0).targets()).hasSize(2);
            assertThat(stats.responses()).isEqualTo(2);
        }

        @Test
        void shouldPickTheSameRandomNodesWithTheSameSeed() {
            Config random = fleet.config("rpclimitmethod=random");

            List<String> first = client(random, Filter.empty(), Optional.of("1"), Optional.of(7L), Optional.empty())
                    .discover();
            List<String> second = client(random, Filter.empty(), Optional.of("1"), Optional.of(7L), Optional.empty())
                    .discover();

            assertThat(first).hasSize(1).isEqualTo(second);
        }

        @Test
        void shouldAddressALimitedSetDirectlyEvenAboveTheThreshold() {
            client(
                            fleet.config("direct_addressing_threshold=1"),
                            Filter.empty(),
                            Optional.of("67%"),
                            Optional.empty(),
                            Optional.empty())
                    .call("ping", Map.of(), r -> {});

            assertThat(rpcPublished().get(0).targets()).hasSize(2);
        }

        @Test
        void shouldRefuseALimitThatIsNotANumberOrPercentage() {
            assertThatThrownBy(() -> client(
                            fleet.config(), Filter.empty(), Optional.of("two"), Optional.empty(), Optional.empty()))
                    .isInstanceOf(McollectiveException.class)
                    .hasMessage("Invalid limit specified: two Valid limits are /^\\d+%*$/");
        }
    }

    @Nested
    class FireAndForget {
        @Test
        void shouldBroadcastWithoutDiscoveringOrWaiting() {
            String id = client(Filter.empty()).fireAndForget("ping", Map.of(), false);

            assertThat(fleet.published()).singleElement().satisfies(p -> {
                assertThat(p.agent()).isEqualTo("echo");
                assertThat(p.targets()).isEmpty();
            });
            assertThat(id).matches("[0-9a-f]{32}");
        }

        @Test
        void shouldTellTheNodesNotToReply() {
            client(identities("node1.example.net")).fireAndForget("ping", Map.of(), false);

            await().until(() -> !fleet.rpcRequests().isEmpty());
            assertThat(fleet.rpcRequests().get(0).processResults()).isFalse();
        }

        @Test
        void shouldSendPlainIdentitiesDirectly() {
            client(identities("node1.example.net")).fireAndForget("ping", Map.of(), true);

            assertThat(fleet.published())
                    .singleElement()
                    .satisfies(p -> assertThat(p.targets()).containsExactly("node1.example.net"));
        }
    }

    @Nested
    class Timeout {
        @Test
        void shouldWaitTheAgentTimeoutPlusTheDiscoveryTimeout() {
            assertThat(client(Filter.empty()).timeout()).isEqualTo(Duration.ofSeconds(6));
        }

        @Test
        void shouldWaitWhatMinusTSaysInstead() {
            RpcClient client = client(
                    fleet.config(),
                    new RpcClient.Settings(
                            Filter.empty(),
                            Optional.of(3),
                            Duration.ofSeconds(5),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Duration.ZERO));

            assertThat(client.timeout()).isEqualTo(Duration.ofSeconds(3));
        }
    }
}
