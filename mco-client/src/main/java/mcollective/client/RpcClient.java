package mcollective.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import mcollective.McollectiveException;
import mcollective.config.Config;
import mcollective.protocol.Filter;
import mcollective.rpc.RpcRequest;

/**
 * The SimpleRPC client for one agent, for embedding and for {@code mco rpc}. Port of
 * {@code lib/mcollective/rpc/client.rb}: discovery once, through the {@link Discoverer} (which decides the nodes,
 * the {@code --one}/{@code --limit} pick and direct addressing), direct addressing up to
 * {@code direct_addressing_threshold}, batches, the effective timeout (agent timeout plus discovery timeout unless
 * {@code -t} is given), fire-and-forget, and results as values with {@link RpcStats}. The request body is
 * {@link RpcRequest#toRuby}'s, each reply is read by {@link RpcResult}.
 *
 * <p>Not thread-safe: one thread drives it.
 */
public final class RpcClient {

    /**
     * How calls are made.
     *
     * @param filter       the user's filter; the agent is added
     * @param timeout      {@code -t}: replaces the computed timeout when present
     * @param agentTimeout the agent DDL's {@code :timeout}
     * @param limit        {@code --limit N} or {@code N%}, or {@code --one} as {@code "1"}
     * @param limitSeed    {@code --limit-seed}
     * @param batch        {@code --batch N} or {@code N%}; empty or "0" for no batching
     * @param batchSleep   {@code --batch-sleep}
     */
    public record Settings(
            Filter filter,
            Optional<Integer> timeout,
            Duration agentTimeout,
            Optional<String> limit,
            Optional<Long> limitSeed,
            Optional<String> batch,
            Duration batchSleep) {
        public Settings {
            Objects.requireNonNull(filter, "filter");
            limit.ifPresent(NodeLimit::requireValid);
            batch.ifPresent(b -> {
                if (!b.matches("^(\\d+|[1-9]\\d*%)$")) {
                    throw new McollectiveException("Invalid batch size '" + b + "': use N or N%");
                }
            });
        }
    }

    private final Config config;
    private final Discoverer discoverer;
    private final Supplier<Client> client;
    private final String agent;
    private final Settings settings;
    private final Filter filter;
    private final NodeLimit limit;
    private Discovered discovered;

    public RpcClient(Config config, Discoverer discoverer, Supplier<Client> client, String agent, Settings settings) {
        this.config = config;
        this.discoverer = discoverer;
        this.client = client;
        this.agent = agent;
        this.settings = settings;
        this.filter = settings.filter().withAgent(agent);
        this.limit = new NodeLimit(settings.limit(), config.rpclimitmethod().equals("first"), settings.limitSeed());
    }

    /** The nodes this client addresses, discovering once, silently; the limit is applied. */
    public List<String> discover() {
        return discover(DiscoveryListener.NONE);
    }

    /**
     * The nodes this client addresses, discovering once (see {@link Discoverer#discover}) and telling
     * {@code listener} when a discovery method runs; the limit is applied.
     */
    public List<String> discover(DiscoveryListener listener) {
        if (discovered == null) {
            discovered = discoverer.discover(filter, Optional.of(agent), limit, listener);
        }
        return discovered.nodes();
    }

    /** Addresses these nodes instead of discovering ({@code discover(:nodes => ...)}); the limit is applied. */
    public void useNodes(List<String> nodes) {
        discovered = discoverer.given(nodes, limit);
    }

    /** The filter requests carry: the user's, with this agent added. */
    public Filter filter() {
        return filter;
    }

    public String agent() {
        return agent;
    }

    /** Agent timeout plus discovery timeout, unless {@code -t} says otherwise. */
    public Duration timeout() {
        return settings.timeout()
                .map(Duration::ofSeconds)
                .orElse(settings.agentTimeout().plus(discoverer.timeout(filter)));
    }

    /**
     * Calls {@code action} on the discovered nodes and hands each result to {@code onResult} as it arrives.
     * Discovering nobody sends nothing; the stats then show zero discovered.
     */
    public RpcStats call(String action, Map<String, Object> arguments, Consumer<RpcResult> onResult) {
        Instant start = Instant.now();
        List<String> nodes = discover();
        List<String> responded = new ArrayList<>();
        int[] counts = {0, 0};
        Duration discoveryTime = discovered.took();
        if (nodes.isEmpty()) {
            return new RpcStats("", Optional.of(nodes), responded, 0, 0, start, discoveryTime, Duration.ZERO);
        }
        Map<Object, Object> body = body(action, arguments, true);
        boolean direct =
                discovered.direct() || config.directAddressing() && nodes.size() <= config.directAddressingThreshold();
        List<List<String>> batches = direct ? batches(nodes) : List.of();
        if (!direct && settings.batch().filter(b -> !b.equals("0")).isPresent()) {
            throw new McollectiveException("Batched requests requires direct addressing");
        }
        Filter sent = direct ? Filter.builder().addAgent(agent).build() : filter;
        long blockStart = System.nanoTime();
        RequestStats request = client.get()
                .call(
                        new Client.Call(
                                body,
                                agent,
                                sent,
                                batches,
                                timeout(),
                                Optional.empty(),
                                count -> count >= nodes.size() && !nodes.isEmpty(),
                                batches.size() > 1 ? settings.batchSleep() : Duration.ZERO),
                        reply -> {
                            RpcResult result = RpcResult.from(agent, action, reply);
                            responded.add(result.sender());
                            counts[result.ok() ? 0 : 1]++;
                            onResult.accept(result);
                        });
        return new RpcStats(
                request.requestId(),
                Optional.of(nodes),
                responded,
                counts[0],
                counts[1],
                start,
                discoveryTime,
                Duration.ofNanos(System.nanoTime() - blockStart));
    }

    /**
     * Sends {@code action} without waiting for replies ({@code --nr}, {@code --reply-to}, {@code process_results =
     * false}) and returns the request id.
     */
    public String fireAndForget(String action, Map<String, Object> arguments, boolean processResults) {
        Map<Object, Object> body = body(action, arguments, processResults);
        List<String> targets = discoverer
                .discoverUnlessBroadcast(filter, Optional.of(agent), limit, DiscoveryListener.NONE)
                .filter(Discovered::direct)
                .map(Discovered::nodes)
                .orElse(List.of());
        Filter sent =
                targets.isEmpty() ? filter : Filter.builder().addAgent(agent).build();
        return client.get()
                .call(
                        new Client.Call(
                                body,
                                agent,
                                sent,
                                targets.isEmpty() ? List.of() : List.of(targets),
                                Duration.ZERO,
                                Optional.empty(),
                                count -> true,
                                Duration.ZERO),
                        reply -> {})
                .requestId();
    }

    private List<List<String>> batches(List<String> nodes) {
        Optional<String> batch = settings.batch().filter(b -> !b.equals("0"));
        if (batch.isEmpty()) {
            return List.of(nodes);
        }
        String size = batch.get();
        int n = size.endsWith("%")
                ? (int) Math.ceil(nodes.size() * Integer.parseInt(size.replace("%", "")) / 100.0)
                : Integer.parseInt(size);
        n = Math.max(1, n);
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i += n) {
            batches.add(List.copyOf(nodes.subList(i, Math.min(nodes.size(), i + n))));
        }
        return batches;
    }

    /** The SimpleRPC body of Ruby's {@code new_request}: the arguments, then {@code process_results}. */
    private Map<Object, Object> body(String action, Map<String, Object> arguments, boolean processResults) {
        Map<String, Object> data = new LinkedHashMap<>(arguments);
        data.put("process_results", processResults);
        return RpcRequest.toRuby(agent, action, client.get().callerId(), data);
    }
}
