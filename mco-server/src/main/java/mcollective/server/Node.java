package mcollective.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;
import mcollective.Version;
import mcollective.config.Config;
import mcollective.config.SettingPaths;
import mcollective.ddl.DdlLoader;
import mcollective.matcher.ClassesFile;
import mcollective.matcher.DataPluginEvaluator;
import mcollective.matcher.DefaultCompoundEvaluator;
import mcollective.matcher.FilterEvaluator;
import mcollective.plugin.PluginRegistry;
import mcollective.spi.Agent;
import mcollective.spi.AuditProvider;
import mcollective.spi.Connector;
import mcollective.spi.DataPlugin;
import mcollective.spi.FactSource;
import mcollective.spi.NodeInfo;
import mcollective.spi.PluginContext;
import mcollective.spi.Role;
import mcollective.spi.SecurityProvider;
import mcollective.spi.Subscription;

/**
 * One MCollective node: a library object, so that one JVM can run many nodes (tests, benchmarks) and
 * {@link Mcollectived} runs one. Port of {@code lib/mcollective/runner.rb}: connect, subscribe the directed queue
 * of every collective, then every agent's topic in every collective, then answer requests until {@link #stop()}.
 * {@link #reloadAgents()} is SIGUSR1's agent reload. Thread-safe: start, stop and reload may come from any thread.
 */
public final class Node implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);
    private static final int WORKERS = 16;
    private static final int QUEUE = 1024;
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final Config config;
    private final PluginRegistry registry;
    private final Clock clock;
    private final Map<String, String> env;
    private final RunnerStats stats;
    private final RequestProcessor.Freshness freshness;
    private volatile Connector connector;
    private volatile FactSource facts;
    private volatile ThreadPoolExecutor workers;
    private volatile ScheduledExecutorService watchdog;
    private volatile boolean stopping;
    private volatile boolean started;
    private volatile Consumer<String> onDeaf = reason -> {};
    /** Held by start, stop and reload, so that none of them runs while another changes the node. */
    private final ReentrantLock lifecycle = new ReentrantLock();

    private volatile Optional<AuditProvider> auditor = Optional.empty();
    private volatile NodeInfo info;
    private volatile Map<String, Agent> agents = Map.of();
    private volatile Function<Map<String, Agent>, RequestProcessor> processors;
    private volatile RequestProcessor processor;

    public Node(Config config, PluginRegistry registry) {
        this(config, registry, Clock.systemUTC(), System.getenv());
    }

    public Node(Config config, PluginRegistry registry, Clock clock, Map<String, String> env) {
        this(config, registry, clock, env, ReplayGuard.DEFAULT_CAPACITY);
    }

    /** A node that remembers at most {@code replayCapacity} request ids ({@link ReplayGuard}). */
    Node(Config config, PluginRegistry registry, Clock clock, Map<String, String> env, int replayCapacity) {
        this.config = Objects.requireNonNull(config, "config");
        this.freshness = new RequestProcessor.Freshness(
                config.maxClockSkew(),
                config.replayProtection() ? Optional.of(new ReplayGuard(replayCapacity)) : Optional.empty());
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.env = Map.copyOf(env);
        this.stats = new RunnerStats(clock);
    }

    /**
     * Loads the plugins the config selects, connects and subscribes. Throws a
     * {@link mcollective.McollectiveException} naming what is wrong (an unknown plugin lists the available ones;
     * a facts or classes file that is a directory or unreadable is named; an unreachable broker keeps being retried
     * by the connector unless it gives up). Returns early, without an error, when {@link #stop()} is called
     * meanwhile. A node that was stopped does not start again.
     */
    public void start() {
        lifecycle.lock();
        try {
            if (!started && !stopping) {
                startLocked();
            }
        } finally {
            lifecycle.unlock();
        }
    }

    private void startLocked() {
        String identity = config.identity();
        PluginContext base = new PluginContext(config, "node", registry, clock, env, Map.of(Role.class, Role.NODE));
        SecurityProvider security = registry.create(SecurityProvider.class, config.securityProvider(), base);
        facts = registry.create(FactSource.class, config.factSource(), base);
        connector = registry.create(Connector.class, config.connector(), base);
        auditor = createAuditor(base, security);
        SettingPaths.requireReadableIfPresent("classesfile", config.classesFile());
        ClassesFile classes = new ClassesFile(config.classesFile());

        Map<String, DataPlugin> dataPlugins = new TreeMap<>();
        info = new NodeInventory(identity, facts, classes, () -> agents, dataPlugins, stats);
        agents = loadAgents();
        PluginContext dataContext = agentContext(new DdlLoader(config.libdirs()));
        for (DataPlugin data : registry.createAll(DataPlugin.class, dataContext)) {
            dataPlugins.put(data.name(), data);
        }

        workers = new ThreadPoolExecutor(
                WORKERS,
                WORKERS,
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE),
                Threads.named("mco-worker-" + identity));
        workers.allowCoreThreadTimeOut(true);
        watchdog = Executors.newSingleThreadScheduledExecutor(Threads.named("mco-watchdog-" + identity));

        FilterEvaluator filters =
                new FilterEvaluator(new DefaultCompoundEvaluator(new DataPluginEvaluator(dataPlugins)));
        processors = byName -> new RequestProcessor(
                identity, security, connector, byName, info, stats, clock, workers, watchdog, filters, freshness);
        processor = processors.apply(agents);
        connector.onMessage(message -> processor.onMessage(message));
        if (stopping) {
            return;
        }
        List<String> collectives = config.collectives();
        try {
            connector.connect(Optional.empty());
            if (config.directAddressing()) {
                collectives.forEach(c -> connector.subscribe(Subscription.directed(c)));
            }
            agents.keySet().forEach(agent -> subscribe(agent, true));
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.info("Start-up of node {} aborted: the node is stopping", identity);
                return;
            }
            throw e;
        }
        started = true;
        watchConnection();
        LOG.info(
                "The Marionette Collective {} started: identity {}, agents {}, collectives {}",
                Version.VERSION,
                identity,
                agents.keySet(),
                collectives);
    }

    /** The agents the config activates, from the plugins and from the libdirs as they are now. */
    private Map<String, Agent> loadAgents() {
        PluginContext context = agentContext(new DdlLoader(config.libdirs()));
        Map<String, Agent> byName = new LinkedHashMap<>();
        for (Agent agent : registry.createAll(Agent.class, context, this::activates)) {
            byName.put(agent.name(), agent);
        }
        addExternalAgents(byName, context);
        return Collections.unmodifiableMap(byName);
    }

    private PluginContext agentContext(DdlLoader ddls) {
        Map<Class<?>, Object> services = new LinkedHashMap<>();
        services.put(NodeInfo.class, info);
        services.put(DdlLoader.class, ddls);
        services.put(Role.class, Role.NODE);
        auditor.ifPresent(a -> services.put(AuditProvider.class, a));
        return new PluginContext(config, "node", registry, clock, env, services);
    }

    /**
     * {@code rpcaudit = 1}: the {@code rpcauditprovider} plugin, offered to the agents. It may send requests of its
     * own (centralrpclog), so it gets the node's connector and security provider.
     */
    private Optional<AuditProvider> createAuditor(PluginContext base, SecurityProvider security) {
        if (!config.rpcaudit()) {
            return Optional.empty();
        }
        String name = config.rpcauditprovider()
                .orElseThrow(() -> new McollectiveException(
                        "rpcaudit is on but rpcauditprovider is not set: name an audit plugin, e.g. logfile"));
        PluginContext context = new PluginContext(
                config,
                "node",
                registry,
                clock,
                env,
                Map.of(Role.class, Role.NODE, Connector.class, connector, SecurityProvider.class, security));
        return Optional.of(registry.create(AuditProvider.class, name, context));
    }

    /** Subscribes (or unsubscribes) the agent's broadcast topic in every collective. */
    private void subscribe(String agent, boolean on) {
        for (String collective : config.collectives()) {
            if (on) {
                connector.subscribe(Subscription.broadcast(agent, collective));
            } else {
                connector.unsubscribe(Subscription.broadcast(agent, collective));
            }
        }
    }

    /**
     * Port of {@code Agents#loadagents} on SIGUSR1: loads the agents again as {@link #start()} does (the libdirs
     * are read anew, so an external agent added there is found and one removed is gone), unsubscribes the topics
     * of agents that went away and subscribes those of new ones, on the same connection. Unlike Ruby, which
     * unsubscribes every agent and subscribes them again, topics of agents that stay are left alone, so no request
     * to them is missed. Does nothing unless the node is started. When loading fails (a broken DDL on a libdir)
     * it throws, naming the file, and the agents stay as they were.
     */
    public void reloadAgents() {
        if (!runningForReload()) { // checked before the lock too, which start() holds while it connects
            return;
        }
        lifecycle.lock();
        try {
            if (!runningForReload()) {
                return;
            }
            LOG.debug("Reloading all agents from disk");
            Map<String, Agent> fresh = loadAgents();
            List<String> removed =
                    agents.keySet().stream().filter(a -> !fresh.containsKey(a)).toList();
            List<String> added =
                    fresh.keySet().stream().filter(a -> !agents.containsKey(a)).toList();
            removed.forEach(agent -> subscribe(agent, false));
            agents = fresh;
            processor = processors.apply(fresh);
            added.forEach(agent -> subscribe(agent, true));
            LOG.info("Reloaded agents: {}; added {}, removed {}", fresh.keySet(), added, removed);
        } finally {
            lifecycle.unlock();
        }
    }

    private boolean runningForReload() {
        if (started && !stopping) {
            return true;
        }
        LOG.info("Not reloading the agents of node {}: it is not running", config.identity());
        return false;
    }

    /**
     * Agents made of executables ({@code implemented_by}): a DDL on a libdir with a folder of the agent's name next
     * to it, for every agent no plugin provides.
     */
    private void addExternalAgents(Map<String, Agent> byName, PluginContext context) {
        DdlLoader loader = context.service(DdlLoader.class).orElseThrow();
        for (String name : loader.namesOnLibdirs("agent")) {
            if (byName.containsKey(name) || !isActive(name, true)) {
                continue;
            }
            for (Path libdir : config.libdirs()) {
                Path folder = libdir.resolve("mcollective").resolve("agent").resolve(name);
                if (Files.isDirectory(folder)) {
                    Agent agent = new ExternalAgent(
                            name, folder, loader.find("agent", name).orElseThrow());
                    agent.init(context.forPlugin(name));
                    byName.put(name, agent);
                    LOG.info("Loaded external agent {} from {}", name, folder);
                    break;
                }
            }
        }
    }

    private boolean activates(Agent agent) {
        boolean active = isActive(agent.name(), agent.activeByDefault());
        if (!active) {
            LOG.info("Not activating agent {} due to configuration", agent.name());
        }
        return active;
    }

    /**
     * Whether an agent is activated: {@code plugin.<agent>.activate_agent}, else {@code activate_agents} for agents
     * active by default; others only when their {@code activate_agent} says so.
     */
    private boolean isActive(String name, boolean byDefault) {
        return config.plugin(name)
                .get("activate_agent")
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
        ConnectionWatch watch = new ConnectionWatch(
                config.identity(),
                connector,
                () -> stopping,
                reason -> onDeaf.accept(reason),
                ConnectionWatch.RESTART_LIMIT);
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
     * {@link AutoCloseable}, as the ohai source with its refresh thread is). With {@code soft_shutdown} the node
     * first stops taking requests and waits for those it runs (see {@link SoftShutdown}). Ends a {@link #start()}
     * that is still connecting. Idempotent; may be called from any thread.
     */
    public void stop() {
        stopping = true;
        boolean locked = lockEndingStart();
        try {
            if (started && config.softShutdown()) {
                LOG.info("Node {} stopping: waiting for running requests (soft_shutdown)", config.identity());
                unsubscribeAll();
                SoftShutdown.await(workers, config.softShutdownTimeout());
            }
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
        } finally {
            if (locked) {
                lifecycle.unlock();
            }
        }
    }

    /**
     * Takes the lifecycle lock. {@link #start()} holds it while the connector retries an unreachable broker, so
     * while start-up runs this disconnects, ending those retries, and does so again every tenth of a second in case
     * the connector had not begun its attempt yet. Gives up after {@link #STOP_WAIT} (start-up stuck elsewhere,
     * such as a fact source) and stops without the lock.
     */
    private boolean lockEndingStart() {
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        try {
            while (!lifecycle.tryLock(100, TimeUnit.MILLISECONDS)) {
                Connector connecting = connector;
                if (!started && connecting != null) {
                    connecting.disconnect();
                }
                if (System.nanoTime() > deadline) {
                    LOG.warn("Stopping node {} while its start-up still runs", config.identity());
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops taking requests before a soft shutdown; the connection stays for the replies. */
    private void unsubscribeAll() {
        try {
            agents.keySet().forEach(agent -> subscribe(agent, false));
            if (config.directAddressing()) {
                config.collectives().forEach(c -> connector.unsubscribe(Subscription.directed(c)));
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not unsubscribe node {} before its soft shutdown: {}", config.identity(), e.toString());
        }
    }

    @Override
    public void close() {
        stop();
    }
}
