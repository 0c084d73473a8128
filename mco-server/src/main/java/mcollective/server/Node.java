package mcollective.server;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.config.Config;
import mcollective.matcher.ClassesFile;
import mcollective.plugin.PluginRegistry;
import mcollective.spi.Agent;
import mcollective.spi.Connector;
import mcollective.spi.FactSource;
import mcollective.spi.NodeInfo;
import mcollective.spi.PluginContext;
import mcollective.spi.SecurityProvider;
import mcollective.spi.Subscription;

/**
 * One MCollective node: a library object, so that one JVM can run many nodes (tests, benchmarks) and
 * {@link Mcollectived} runs one. Port of {@code lib/mcollective/runner.rb}: connect, subscribe the directed queue
 * of every collective, then every agent's topic in every collective, then answer requests until {@link #stop()}.
 */
public final class Node implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);
    private static final int WORKERS = 16;
    private static final int QUEUE = 1024;

    private final Config config;
    private final PluginRegistry registry;
    private final Clock clock;
    private final Map<String, String> env;
    private final RunnerStats stats;
    private volatile Connector connector;
    private volatile FactSource facts;
    private volatile ThreadPoolExecutor workers;
    private volatile ScheduledExecutorService watchdog;
    private volatile boolean stopping;
    private volatile boolean started;
    private volatile Consumer<String> onDeaf = reason -> { };

    public Node(Config config, PluginRegistry registry) {
        this(config, registry, Clock.systemUTC(), System.getenv());
    }

    public Node(Config config, PluginRegistry registry, Clock clock, Map<String, String> env) {
        this.config = Objects.requireNonNull(config, "config");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.env = Map.copyOf(env);
        this.stats = new RunnerStats(clock);
    }

    /**
     * Loads the plugins the config selects, connects and subscribes. Throws a
     * {@link mcollective.McollectiveException} naming what is wrong (an unknown plugin lists the available ones;
     * an unreachable broker keeps being retried by the connector unless it gives up).
     */
    public synchronized void start() {
        if (started) {
            return;
        }
        stopping = false;
        String identity = config.identity();
        PluginContext base = new PluginContext(config, "node", registry, clock, env, Map.of());
        SecurityProvider security = registry.create(SecurityProvider.class, config.securityProvider());
        security.init(base.forPlugin(security.name()));
        facts = registry.create(FactSource.class, config.factSource());
        facts.init(base.forPlugin(facts.name()));
        ClassesFile classes = new ClassesFile(config.classesFile());

        List<Agent> agents = new ArrayList<>();
        Map<String, Agent> byName = new LinkedHashMap<>();
        Map<String, mcollective.spi.DataPlugin> dataPlugins = new java.util.TreeMap<>();
        NodeInfo info = new NodeInventory(identity, facts, classes, byName, dataPlugins, stats);
        PluginContext agentContext = new PluginContext(config, "node", registry, clock, env,
                Map.of(NodeInfo.class, info, mcollective.ddl.DdlLoader.class,
                        new mcollective.ddl.DdlLoader(config.libdirs())));
        for (Agent agent : registry.createAll(Agent.class)) {
            if (!isActive(agent.name(), agent.activeByDefault())) {
                LOG.info("Not activating agent {} due to configuration", agent.name());
                continue;
            }
            agent.init(agentContext.forPlugin(agent.name()));
            agents.add(agent);
            byName.put(agent.name(), agent);
        }

        addExternalAgents(agents, byName, agentContext);
        for (mcollective.spi.DataPlugin data : registry.createAll(mcollective.spi.DataPlugin.class)) {
            data.init(agentContext.forPlugin(data.name()));
            dataPlugins.put(data.name(), data);
        }

        workers = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                Threads.named("mco-worker-" + identity));
        workers.allowCoreThreadTimeOut(true);
        watchdog = Executors.newSingleThreadScheduledExecutor(Threads.named("mco-watchdog-" + identity));

        connector = registry.create(Connector.class, config.connector());
        connector.init(base.forPlugin(connector.name()));
        RequestProcessor processor = new RequestProcessor(identity, security, connector, byName, info, stats, clock,
                workers, watchdog, new mcollective.matcher.FilterEvaluator(
                        new mcollective.matcher.DefaultCompoundEvaluator(new mcollective.matcher.DataPluginEvaluator(dataPlugins))));
        connector.onMessage(processor::onMessage);
        if (stopping) {
            return;
        }
        try {
            connector.connect(java.util.Optional.empty());
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.info("Start-up of node {} aborted: the node is stopping", identity);
                return;
            }
            throw e;
        }
        List<String> collectives = config.collectives();
        if (config.directAddressing()) {
            collectives.forEach(c -> connector.subscribe(Subscription.directed(c)));
        }
        for (Agent agent : agents) {
            collectives.forEach(c -> connector.subscribe(Subscription.broadcast(agent.name(), c)));
        }
        started = true;
        watchConnection();
        LOG.info("The Marionette Collective {} started: identity {}, agents {}, collectives {}",
                mcollective.Version.VERSION, identity, byName.keySet(), collectives);
    }

    /**
     * Agents made of executables ({@code implemented_by}): a DDL on a libdir with a folder of the agent's name next
     * to it, for every agent no plugin provides.
     */
    private void addExternalAgents(List<Agent> agents, Map<String, Agent> byName, PluginContext context) {
        mcollective.ddl.DdlLoader loader = context.service(mcollective.ddl.DdlLoader.class).orElseThrow();
        for (String name : loader.namesOnLibdirs("agent")) {
            if (byName.containsKey(name) || !isActive(name, true)) {
                continue;
            }
            for (java.nio.file.Path libdir : config.libdirs()) {
                java.nio.file.Path folder = libdir.resolve("mcollective").resolve("agent").resolve(name);
                if (java.nio.file.Files.isDirectory(folder)) {
                    Agent agent = new ExternalAgent(name, folder, loader.find("agent", name).orElseThrow());
                    agent.init(context.forPlugin(name));
                    agents.add(agent);
                    byName.put(name, agent);
                    LOG.info("Loaded external agent {} from {}", name, folder);
                    break;
                }
            }
        }
    }

    /**
     * Whether an agent is activated: {@code plugin.<agent>.activate_agent}, else {@code activate_agents} for agents
     * active by default; others only when their {@code activate_agent} says so.
     */
    private boolean isActive(String name, boolean byDefault) {
        return config.plugin(name).get("activate_agent")
                .map(v -> config.plugin(name).getBool("activate_agent", true))
                .orElse(byDefault && config.activateAgents());
    }

    /**
     * Sets what happens when the node cannot receive (its connector's receiving thread ended or gave up) and three
     * restarts of its connection in a row did not help: called once, on the watchdog thread, with the reason.
     * {@code mcollectived} exits 1 so that a supervisor starts it afresh; the default does nothing more than the
     * log line, and the node keeps trying to restart its connection.
     */
    public void onDeaf(Consumer<String> callback) {
        this.onDeaf = Objects.requireNonNull(callback, "callback");
    }

    /** Asks the connector every few seconds whether it still receives, and restarts it when not. */
    private void watchConnection() {
        long every = ConnectionWatch.INTERVAL.toMillis();
        ConnectionWatch watch = new ConnectionWatch(config.identity(), connector, () -> stopping,
                reason -> onDeaf.accept(reason), ConnectionWatch.RESTART_LIMIT);
        watchdog.scheduleWithFixedDelay(watch, every, every, TimeUnit.MILLISECONDS);
    }

    /** The node's counters, as {@code rpcutil#daemon_stats} reports them. */
    public RunnerStats stats() {
        return stats;
    }

    public String identity() {
        return config.identity();
    }

    public boolean isStarted() {
        return started;
    }

    /**
     * Disconnects, stops the workers and closes the fact source if it holds resources (it is
     * {@link AutoCloseable}, as the ohai source with its refresh thread is). Idempotent.
     */
    public void stop() {
        // Not synchronized: start() holds its lock while the connector retries, and stop must end those retries.
        stopping = true;
        Connector connector = this.connector;
        if (connector != null) {
            connector.disconnect();
        }
        if (workers != null) {
            workers.shutdownNow();
            watchdog.shutdownNow();
        }
        if (facts instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("Could not close fact source {}: {}", facts.name(), e.toString());
            }
        }
        if (started) {
            LOG.info("Node {} stopped", config.identity());
        }
        started = false;
    }

    @Override
    public void close() {
        stop();
    }
}
