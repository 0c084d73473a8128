package mcollective.client;

import java.io.InputStream;
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
import mcollective.plugin.PluginRegistry;
import mcollective.protocol.Filter;
import mcollective.spi.DiscoveryMethod;
import mcollective.spi.DiscoveryMethod.Capability;
import mcollective.spi.PluginContext;

/**
 * Chooses and runs a discovery method. Port of {@code lib/mcollective/discovery.rb} plus the discovery half of
 * {@code rpc/client.rb}: {@code --dm}/{@code --nodes}/{@code default_discovery_method}, automatic {@code stdin}
 * discovery when input is piped, {@code mc} forced by compound filters, capability checks with MCollective's
 * messages, the effective timeout and the identity shortcut.
 */
public final class Discoverer {
    private static final Logger LOG = LoggerFactory.getLogger(Discoverer.class);

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
    private final Supplier<Client> client;
    private final DiscoveryMethod method;
    private final List<String> options;
    private final Optional<Integer> timeoutSeconds;
    private final boolean explicitMethod;

    public Discoverer(
            Config config,
            PluginRegistry registry,
            Request request,
            Optional<InputStream> stdin,
            Supplier<Client> client) {
        this.config = config;
        this.registry = registry;
        this.stdin = stdin;
        this.client = client;
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
        this.explicitMethod =
                request.method().isPresent() || request.nodesFile().isPresent();
        this.options = List.copyOf(opts);
        this.method = create(name);
    }

    private DiscoveryMethod create(String name) {
        return registry.create(
                DiscoveryMethod.class,
                name,
                new PluginContext(config, name, registry, java.time.Clock.systemUTC(), System.getenv(), Map.of()));
    }

    /** The method's name, as MCollective prints it ({@code mc}, {@code flatfile}, ...). */
    public String methodName() {
        return method.name();
    }

    /** {@code --dt}, else {@code discovery_timeout}, else the method's own default. */
    public Duration timeout() {
        return timeoutSeconds.map(Duration::ofSeconds).orElse(method.defaultTimeout());
    }

    /** Whether the identities came, or will come, without asking the network. */
    public boolean isOffline() {
        return !method.name().equals("mc");
    }

    /**
     * The nodes matching {@code filter}, at most {@code limit} (0 for all). A filter the method cannot honour is
     * refused with MCollective's message; compound filters switch to {@code mc}.
     */
    public List<String> discover(Filter filter, int limit) {
        return discover(filter, limit, Optional.empty());
    }

    /**
     * {@link #discover(Filter, int)} for a call to {@code impliedAgent}, which the caller added to the agent filter
     * itself: a method that cannot honour agent filters warns only about the agents the user asked for.
     */
    public List<String> discover(Filter filter, int limit, Optional<String> impliedAgent) {
        DiscoveryMethod chosen = method;
        if (!filter.compound().isEmpty() && !chosen.name().equals("mc")) {
            LOG.warn("Switching to mc discovery method because compound filters are used");
            chosen = create("mc");
        }
        check(chosen, filter);
        warnIgnoredAgents(chosen, filter, impliedAgent);
        checkDataFunctions(filter);
        if (!chosen.name().equals("mc") && !config.directAddressing()) {
            throw new McollectiveException("Custom discovery methods require direct addressing mode");
        }
        DiscoveryMethod.Request request = new DiscoveryMethod.Request(
                filter,
                timeout(),
                limit,
                options,
                (f, timeout, quiet, max) -> McDiscovery.discover(client.get(), f, timeout, quiet, max),
                stdin);
        return chosen.discover(request);
    }

    /** Data functions in {@code -S} must name an installed data plugin and one of its outputs (ddl.rb). */
    private void checkDataFunctions(Filter filter) {
        mcollective.ddl.DdlLoader ddls = new mcollective.ddl.DdlLoader(config.libdirs());
        for (List<Map<String, Object>> stack : filter.compound()) {
            for (Map<String, Object> token : stack) {
                if (token.get("fstatement") instanceof Map<?, ?> function) {
                    String name = String.valueOf(function.get("name"));
                    mcollective.ddl.Ddl ddl = ddls.find("data", name + "_data")
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

    /** Whether the user chose the method ({@code --dm}/{@code --nodes}) rather than the default or stdin. */
    public boolean isExplicit() {
        return explicitMethod;
    }
}
