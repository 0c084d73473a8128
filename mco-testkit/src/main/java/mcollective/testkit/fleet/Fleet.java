package mcollective.testkit.fleet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Stream;

import mcollective.McollectiveException;
import mcollective.broker.EmbeddedBroker;
import mcollective.testkit.BrokerAddress;
import mcollective.testkit.ClientCfg;
import mcollective.testkit.FleetDir;
import mcollective.testkit.JavaDaemon;
import mcollective.testkit.LocalPort;
import mcollective.testkit.McoResult;
import mcollective.testkit.RubyMco;
import mcollective.testkit.RubyNode;
import mcollective.testkit.RunningNode;
import mcollective.testkit.ServerCfg;

/**
 * A test fleet: a broker on 127.0.0.1, nodes of any {@link NodeKind} on it, and client configs for the Java and the
 * Ruby {@code mco}, all in a temporary directory that {@link #close()} deletes with everything else. Made by
 * {@link WithFleet} (or {@link #builder()} in code); nodes can be added while it runs. Thread-safe.
 *
 * <p>Every config names the same login ({@link #USER}/{@link #PASSWORD}) and psk. The Java client's
 * {@link #clientConfig()} has no {@code libdir}, so the Java {@code mco} uses the DDLs it ships; the Ruby client's
 * {@link #rubyClientConfig()} uses Debian's plugin directory, and lives in a directory of its own ({@code ruby/})
 * with the scratch files of the Ruby runs.
 */
public final class Fleet implements AutoCloseable {
    /** The broker login of every node and client. */
    public static final String USER = "mcollective";
    /** The broker password of every node and client. */
    public static final String PASSWORD = "marionette";
    /** The psk of a fleet that names none. */
    public static final String PSK = "fleet-shared-psk";

    private static final Duration RUBY_LIMIT = Duration.ofSeconds(60);

    private final FleetDir files;
    private final Broker brokerKind;
    private final BrokerSettings brokerSettings;
    private final List<String> collectives;
    private final String psk;
    private final FleetSecurity security;
    private final Supplier<InProcessJava> inProcessJava;
    private final int port;
    private final Map<String, RunningNode> nodes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Path clientConfig;
    private final Path rubyClientConfig;
    private InProcessJava inProcess;
    private EmbeddedBroker broker;

    private Fleet(Builder builder, FleetDir files) {
        this.files = files;
        this.brokerKind = builder.broker;
        this.brokerSettings = builder.brokerSettings;
        this.collectives = builder.collectives;
        this.psk = builder.psk;
        this.security = builder.security;
        this.inProcessJava = builder.inProcessJava;
        if (brokerKind == Broker.EMBEDDED) {
            this.port = startBroker(0);
        } else {
            this.port = LocalPort.free();
        }
        this.clientConfig = clientConfig("client.cfg");
        this.rubyClientConfig = rubyClientConfig("client.cfg");
    }

    /** A builder for a fleet with an embedded broker, no nodes, the collective mcollective and {@link #PSK}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The fleet's directory: a directory per node, the client configs, and room for a test's own files. */
    public Path dir() {
        return files.root();
    }

    /** Where the broker listens (or, with {@link Broker#NONE}, the port the configs name) and its login. */
    public BrokerAddress broker() {
        return BrokerAddress.local(port, USER, PASSWORD);
    }

    /** The broker's STOMP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The psk of every node and client. */
    public String psk() {
        return psk;
    }

    /** The identities of the nodes, in the order they came up. */
    public List<String> identities() {
        synchronized (nodes) {
            return List.copyOf(nodes.keySet());
        }
    }

    /**
     * The node {@code identity}.
     *
     * @throws McollectiveException when the fleet has none of that name
     */
    public RunningNode node(String identity) {
        RunningNode node = nodes.get(identity);
        if (node == null) {
            throw new McollectiveException("The fleet has no node " + identity + "; it has " + identities());
        }
        return node;
    }

    /** The Ruby node {@code identity}. */
    public RubyNode rubyNode(String identity) {
        return as(RubyNode.class, identity);
    }

    /** The {@code bin/mcollectived} node {@code identity}. */
    public JavaDaemon daemon(String identity) {
        return as(JavaDaemon.class, identity);
    }

    private <T extends RunningNode> T as(Class<T> type, String identity) {
        RunningNode node = node(identity);
        if (!type.isInstance(node)) {
            throw new McollectiveException("Node " + identity + " is a "
                    + node.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return type.cast(node);
    }

    /**
     * Starts one more node and returns once it serves; it stops with the fleet. An identity may be used again once
     * its node has stopped.
     *
     * @throws McollectiveException when the identity runs already, or the node does not start
     */
    public RunningNode start(NodeSpec spec) {
        startAll(List.of(spec));
        return node(spec.identity());
    }

    /** Starts these nodes: Java nodes in the test JVM one after another, the processes all at once. */
    void startAll(List<NodeSpec> specs) {
        List<String> identities = specs.stream().map(NodeSpec::identity).toList();
        for (String identity : identities) {
            RunningNode running = nodes.get(identity);
            if ((running != null && running.isAlive())
                    || identities.indexOf(identity) != identities.lastIndexOf(identity)) {
                throw new McollectiveException("Node " + identity + " is in the fleet already");
            }
        }
        List<CompletableFuture<Void>> processes = specs.stream()
                .filter(spec -> spec.kind() != NodeKind.JAVA)
                .map(spec -> CompletableFuture.runAsync(() -> launch(spec)))
                .toList();
        Failures failures = new Failures();
        specs.stream()
                .filter(spec -> spec.kind() == NodeKind.JAVA)
                .forEach(spec -> failures.attempt(() -> launch(spec)));
        for (CompletableFuture<Void> process : processes) {
            failures.attempt(() -> {
                try {
                    process.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            });
        }
        failures.rethrow();
    }

    private void launch(NodeSpec spec) {
        ServerCfg.Builder config =
                spec.serverConfig(files, broker(), psk, security.serverLines(files.root(), spec.identity()));
        RunningNode node = switch (spec.kind()) {
            case JAVA ->
                new InProcessNode(
                        files.nodeDir(spec.identity()), inProcessJava().startNode(files.writeServer(config.build())));
            case JAVA_DAEMON -> {
                JavaDaemon daemon = JavaDaemon.start(files.writeServer(config.build()));
                daemon.awaitLog(spec.readyLine());
                yield daemon;
            }
            case RUBY -> RubyNode.start(files, config);
        };
        nodes.put(spec.identity(), node);
    }

    private synchronized InProcessJava inProcessJava() {
        if (inProcess == null) {
            inProcess = inProcessJava.get();
        }
        return inProcess;
    }

    /** The Java client's config: {@code client.cfg} in {@link #dir()}. */
    public Path clientConfig() {
        return clientConfig;
    }

    /** Writes another Java client config, {@code fileName} in {@link #dir()}: the fleet's with these lines added. */
    public Path clientConfig(String fileName, String... extraLines) {
        return files.writeClient(
                fileName, client().noLibdir().extra(List.of(extraLines)).build());
    }

    /** The Ruby client's config: {@code ruby/client.cfg} in {@link #dir()}. */
    public Path rubyClientConfig() {
        return rubyClientConfig;
    }

    /** Writes another Ruby client config, {@code fileName} in {@code ruby/}: the fleet's with these lines added. */
    public Path rubyClientConfig(String fileName, String... extraLines) {
        return files.writeClient(
                "ruby/" + fileName, client().extra(List.of(extraLines)).build());
    }

    private ClientCfg.Builder client() {
        return ClientCfg.builder(broker()).collectives(collectives).psk(psk).extra(security.clientLines(files.root()));
    }

    /** Runs the Java {@code mco <args> -c <client.cfg>} in the test JVM. */
    public McoResult mco(String... args) {
        return mco(clientConfig, args);
    }

    /** Runs the Java {@code mco} with {@code args} followed by {@code more}, and the fleet's client config. */
    public McoResult mco(List<String> args, String... more) {
        return mco(Stream.concat(args.stream(), Stream.of(more)).toArray(String[]::new));
    }

    /** Runs the Java {@code mco <args> -c <config>} in the test JVM. */
    public McoResult mco(Path config, String... args) {
        return inProcessJava().mco(Optional.empty(), withConfig(config, args));
    }

    /** Runs the Java {@code mco <args> -c <client.cfg>} with {@code stdin} piped in. */
    public McoResult mcoWithStdin(String stdin, String... args) {
        return inProcessJava().mco(Optional.of(stdin), withConfig(clientConfig, args));
    }

    /** Runs Debian's Ruby {@code mco <args> -c <ruby/client.cfg>}, for 60 s at most. */
    public McoResult rubyMco(String... args) {
        return rubyMco(rubyClientConfig, args);
    }

    /** Runs Debian's Ruby {@code mco <args> -c <config>}, for 60 s at most. */
    public McoResult rubyMco(Path config, String... args) {
        return RubyMco.run(config, RUBY_LIMIT, args);
    }

    private static List<String> withConfig(Path config, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-c");
        all.add(config.toString());
        return all;
    }

    /** Stops the embedded broker; the nodes stay up and reconnect when it {@link #startBroker() starts} again. */
    public synchronized void stopBroker() {
        requireEmbedded().stop();
    }

    /** Starts the embedded broker again, on the same port. */
    public synchronized void startBroker() {
        requireEmbedded();
        startBroker(port);
    }

    private EmbeddedBroker requireEmbedded() {
        if (broker == null) {
            throw new McollectiveException("This fleet runs no broker of its own (Broker.NONE)");
        }
        return broker;
    }

    private synchronized int startBroker(int wanted) {
        broker = brokerSettings
                .apply(EmbeddedBroker.builder()
                        .host("127.0.0.1")
                        .port(wanted)
                        .user(USER)
                        .password(PASSWORD))
                .build();
        broker.start();
        return broker.port();
    }

    /** Stops every node (the last started first) and the broker, then deletes the directory. */
    @Override
    public void close() {
        List<RunningNode> running;
        synchronized (nodes) {
            running = new ArrayList<>(nodes.values());
        }
        Collections.reverse(running);
        Failures failures = new Failures();
        running.forEach(node -> failures.attempt(node::close));
        failures.attempt(() -> {
            synchronized (this) {
                if (broker != null) {
                    broker.stop();
                }
            }
        });
        failures.attempt(files::close);
        failures.rethrow();
    }

    /** The one {@link InProcessJava} registered on the class path. */
    static InProcessJava loadInProcessJava() {
        return loadInProcessJava(Thread.currentThread().getContextClassLoader());
    }

    /** The one {@link InProcessJava} {@code loader} finds. */
    static InProcessJava loadInProcessJava(ClassLoader loader) {
        List<InProcessJava> found = ServiceLoader.load(InProcessJava.class, loader).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        if (found.size() != 1) {
            throw new McollectiveException((found.isEmpty() ? "No " : "More than one ")
                    + InProcessJava.class.getName() + " on the class path " + found
                    + ": Java nodes in the test JVM (NodeKind.JAVA) and Fleet.mco need exactly one, named in "
                    + "META-INF/services/" + InProcessJava.class.getName() + " (mco-it has one); "
                    + "NodeKind.JAVA_DAEMON nodes run bin/mcollectived instead");
        }
        return found.get(0);
    }

    /** Collects what a {@link Fleet} is made of. Not thread-safe; setters reject null. */
    public static final class Builder {
        private Broker broker = Broker.EMBEDDED;
        private BrokerSettings brokerSettings = new BrokerSettings.Defaults();
        private List<String> collectives = List.of("mcollective");
        private String psk = PSK;
        private FleetSecurity security = new FleetSecurity.Psk();
        private final List<NodeSpec> nodes = new ArrayList<>();
        private Supplier<InProcessJava> inProcessJava = Fleet::loadInProcessJava;

        private Builder() {}

        public Builder broker(Broker value) {
            broker = Objects.requireNonNull(value, "broker");
            return this;
        }

        public Builder brokerSettings(BrokerSettings value) {
            brokerSettings = Objects.requireNonNull(value, "brokerSettings");
            return this;
        }

        /** The collectives the clients know; the first is the main one. */
        public Builder collectives(String... values) {
            if (values.length == 0) {
                throw new McollectiveException("A fleet's clients need at least one collective");
            }
            collectives = List.of(values);
            return this;
        }

        public Builder psk(String value) {
            psk = Objects.requireNonNull(value, "psk");
            return this;
        }

        /** The security plugin of every node and client (default: psk). */
        public Builder security(FleetSecurity value) {
            security = Objects.requireNonNull(value, "security");
            return this;
        }

        /** Adds a node to start with the fleet. */
        public Builder node(NodeSpec spec) {
            nodes.add(Objects.requireNonNull(spec, "spec"));
            return this;
        }

        /** What runs Java nodes and mco in the test JVM (default: the one {@link ServiceLoader} finds). */
        Builder inProcessJava(Supplier<InProcessJava> value) {
            inProcessJava = Objects.requireNonNull(value, "inProcessJava");
            return this;
        }

        /**
         * Starts the broker and the nodes and writes the client configs; on any failure, stops what started.
         *
         * @throws McollectiveException naming what could not start, and why
         */
        public Fleet start() {
            FleetDir files = FleetDir.temporary();
            Fleet fleet;
            try {
                fleet = new Fleet(this, files);
            } catch (RuntimeException | Error e) {
                files.close();
                throw e;
            }
            try {
                fleet.startAll(nodes);
                return fleet;
            } catch (RuntimeException | Error e) {
                try {
                    fleet.close();
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        }
    }
}
