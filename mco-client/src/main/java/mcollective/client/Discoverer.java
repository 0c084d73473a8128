package mcollective.client;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;
import mcollective.config.Config;
import mcollective.ddl.Ddl;
import mcollective.ddl.DdlLoader;
import mcollective.plugin.PluginRegistry;
import mcollective.protocol.Filter;
import mcollective.spi.DiscoveryMethod;
import mcollective.spi.DiscoveryMethod.Capability;
import mcollective.spi.PluginContext;

/**
 * The client's discovery, decided in this one place. Port of {@code lib/mcollective/discovery.rb} plus the discovery
 * half of {@code rpc/client.rb}: the method from {@code --dm}/{@code --nodes}/{@code default_discovery_method}, or
 * {@code stdin} when input is piped; compound filters handed to the broadcast method; capability checks with
 * MCollective's messages; the effective timeout; the identity shortcut; the discovery limit and the pick of
 * {@code --limit}; and whether the nodes found are addressed directly. It asks each {@link DiscoveryMethod} what it
 * can do, never its name, and tells a {@link DiscoveryListener} when a method runs.
 *
 * <p>Not thread-safe: one thread drives it.
 */
public final class Discoverer {
    private static final Logger LOG = LoggerFactory.getLogger(Discoverer.class);
    /** The method compound filters go to: {@code discovery.rb force_discovery_method_by_filter} names it. */
    private static final String COMPOUND_METHOD = "mc";

    /**
     * What the user asked for.
     *
     * @param method      {@code --dm}
     * @param options     {@code --do}, in order
     * @param timeout     {@code --dt} in seconds
     * @param nodesFile   {@code --nodes}
     * @param stdinPiped  whether standard input is piped data rather than a terminal
     */
    public record Request(
            Optional<String> method,
            List<String> options,
            Optional<Integer> timeout,
            Optional<String> nodesFile,
            boolean stdinPiped) {
        public Request {
            options = List.copyOf(options);
        }
    }

    private final Config config;
    private final PluginRegistry registry;
    private final Optional<InputStream> stdin;
    private final DiscoveryMethod.Network network;
    private final DiscoveryMethod method;
    private final List<String> options;
    private final Optional<Integer> timeoutSeconds;

    /**
     * @param stdin  standard input, for the {@code stdin} method
     * @param client the connected client, asked for only when a broadcast method runs
     */
    public Discoverer(
            Config config,
            PluginRegistry registry,
            Request request,
            Optional<InputStream> stdin,
            Supplier<Client> client) {
        this.config = config;
        this.registry = registry;
        this.stdin = stdin;
        this.network = new BroadcastNetwork(client);
        this.timeoutSeconds = request.timeout().or(config::discoveryTimeout);
        List<String> opts = new ArrayList<>(request.options());
        String name;
        if (request.nodesFile().isPresent()) {
            if (request.method().isPresent() || !request.options().isEmpty()) {
                throw new McollectiveException("Cannot mix --disc-method, --disc-option and --nodes");
            }
            name = "flatfile";
            opts = List.of(request.nodesFile().get());
        } else if (request.method().isPresent()) {
            name = request.method().get();
        } else if (request.stdinPiped() && stdin.isPresent()) {
            name = "stdin";
        } else {
            name = config.defaultDiscoveryMethod();
        }
        if (opts.isEmpty() && request.method().isEmpty() && request.nodesFile().isEmpty()) {
            opts = config.defaultDiscoveryOptions();
        }
        this.options = List.copyOf(opts);
        this.method = create(name);
    }

    private DiscoveryMethod create(String name) {
        return registry.create(
                DiscoveryMethod.class,
                name,
                new PluginContext(config, name, registry, Clock.systemUTC(), System.getenv(), Map.of()));
    }

    /** The configured method's name, as MCollective prints it ({@code mc}, {@code flatfile}, ...). */
    public String methodName() {
        return method.name();
    }

    /** The discovery timeout for {@code filter}: {@code --dt}, else {@code discovery_timeout}, else the method's own. */
    public Duration timeout(Filter filter) {
        return timeout(chosen(filter));
    }

    private Duration timeout(DiscoveryMethod chosen) {
        return timeoutSeconds.map(Duration::ofSeconds).orElse(chosen.defaultTimeout());
    }

    /**
     * Discovers the nodes for a call and decides how to address them.
     *
     * <p>A broadcast method does not run when the filter names plain identities only: those are the nodes. Otherwise
     * the listener hears that the method starts (before any filter is refused, as MCollective prints its line first),
     * the method runs with the limit's {@linkplain NodeLimit#discoveryLimit() discovery limit}, the listener hears what
     * it found, and the limit picks the nodes. They are addressed directly when direct addressing is on and either the
     * method is not a broadcast one or the limit left some out.
     *
     * @param filter       the filter, agent included
     * @param impliedAgent the agent the caller added to the filter itself, which a method that cannot honour agent
     *                     filters does not warn about
     */
    public Discovered discover(
            Filter filter, Optional<String> impliedAgent, NodeLimit limit, DiscoveryListener listener) {
        DiscoveryMethod chosen = chosen(filter);
        Optional<Discovered> shortcut = shortcut(chosen, filter, limit);
        if (shortcut.isPresent()) {
            return shortcut.get();
        }
        if (chosen != method) {
            LOG.warn("Switching to {} discovery method because compound filters are used", chosen.name());
        }
        Duration timeout = timeout(chosen);
        listener.discovering(chosen.name(), timeout);
        check(chosen, filter);
        warnIgnoredAgents(chosen, filter, impliedAgent);
        checkDataFunctions(filter);
        if (!chosen.isBroadcast() && !config.directAddressing()) {
            throw new McollectiveException("Custom discovery methods require direct addressing mode");
        }
        long start = System.nanoTime();
        List<String> found = chosen.discover(
                new DiscoveryMethod.Request(filter, timeout, limit.discoveryLimit(), options, network, stdin));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        listener.discovered(chosen.name(), found);
        List<String> picked = limit.pick(found);
        boolean direct = config.directAddressing() && (!chosen.isBroadcast() || picked.size() < found.size());
        return new Discovered(picked, chosen.name(), direct, took);
    }

    /**
     * Discovery for a request that wants no replies ({@code fire_and_forget_request}): a broadcast method does not
     * run, since the request's own broadcast carries the filter, though the identity shortcut applies; any other
     * method discovers as {@link #discover} does. Empty when the request is to be broadcast.
     */
    public Optional<Discovered> discoverUnlessBroadcast(
            Filter filter, Optional<String> impliedAgent, NodeLimit limit, DiscoveryListener listener) {
        DiscoveryMethod chosen = chosen(filter);
        if (chosen.isBroadcast()) {
            return shortcut(chosen, filter, limit);
        }
        return Optional.of(discover(filter, impliedAgent, limit, listener));
    }

    /**
     * Nodes the caller names instead of discovering ({@code discover(:nodes => ...)}): the limit picks from them and
     * they are addressed directly when direct addressing is on.
     */
    public Discovered given(List<String> nodes, NodeLimit limit) {
        return new Discovered(limit.pick(nodes), method.name(), config.directAddressing(), Duration.ZERO);
    }

    /** The configured method, or the one compound filters need when it cannot honour them. */
    private DiscoveryMethod chosen(Filter filter) {
        if (filter.compound().isEmpty() || method.capabilities().contains(Capability.COMPOUND)) {
            return method;
        }
        return create(COMPOUND_METHOD);
    }

    /**
     * {@code identity_filter_discovery_optimization}: a broadcast method need not ask who answers to plain {@code -I}
     * names. Unlike Ruby, any other filter present (facts, classes, compound) disables the shortcut, so
     * {@code -I node1 -F os=x} never addresses a node the fact filter excludes.
     */
    private Optional<Discovered> shortcut(DiscoveryMethod chosen, Filter filter, NodeLimit limit) {
        if (!chosen.isBroadcast()
                || filter.identity().isEmpty()
                || !filter.fact().isEmpty()
                || !filter.cfClass().isEmpty()
                || !filter.compound().isEmpty()
                || filter.identity().stream().anyMatch(i -> i.startsWith("/"))) {
            return Optional.empty();
        }
        return Optional.of(given(filter.identity(), limit));
    }

    /** Data functions in {@code -S} must name an installed data plugin and one of its outputs (ddl.rb). */
    private void checkDataFunctions(Filter filter) {
        DdlLoader ddls = new DdlLoader(config.libdirs());
        for (List<Map<String, Object>> stack : filter.compound()) {
            for (Map<String, Object> token : stack) {
                if (token.get("fstatement") instanceof Map<?, ?> function) {
                    String name = String.valueOf(function.get("name"));
                    Ddl ddl = ddls.find("data", name + "_data")
                            .orElseThrow(() ->
                                    new McollectiveException("Can't find DDL for data plugin '" + name + "_data'"));
                    Object value = function.get("value");
                    if (value != null
                            && ddl.action("query")
                                    .map(q -> !q.outputs().containsKey(String.valueOf(value)))
                                    .orElse(true)) {
                        throw new McollectiveException(
                                String.format("Data plugin '%s()' does not return a '%s' value", name, value));
                    }
                }
            }
        }
    }

    /**
     * MCollective passes {@code -A} to methods that cannot honour it, which then ignore it silently; the nodes
     * lacking the agent are addressed anyway and do not answer. Here the user is told.
     */
    private static void warnIgnoredAgents(DiscoveryMethod method, Filter filter, Optional<String> impliedAgent) {
        if (method.capabilities().contains(Capability.AGENTS)) {
            return;
        }
        List<String> asked = new ArrayList<>(filter.agent());
        impliedAgent.ifPresent(asked::remove);
        if (!asked.isEmpty()) {
            LOG.warn(
                    "The {} discovery method ignores agent filters ({}); nodes without the agent will not answer",
                    method.name(),
                    String.join(", ", asked));
        }
    }

    private static void check(DiscoveryMethod method, Filter filter) {
        requireCapability(method, !filter.cfClass().isEmpty(), Capability.CLASSES, "class");
        requireCapability(method, !filter.fact().isEmpty(), Capability.FACTS, "fact");
        requireCapability(method, !filter.identity().isEmpty(), Capability.IDENTITY, "identity");
        requireCapability(method, !filter.compound().isEmpty(), Capability.COMPOUND, "compound");
    }

    private static void requireCapability(DiscoveryMethod method, boolean used, Capability capability, String word) {
        if (used && !method.capabilities().contains(capability)) {
            throw new McollectiveException(
                    String.format("Cannot use %s filters while using the '%s' discovery method", word, method.name()));
        }
    }
}
