package mcollective.client;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import mcollective.config.Config;
import mcollective.config.ConfigBuilder;
import mcollective.plugin.PluginRegistry;
import mcollective.protocol.Reply;
import mcollective.protocol.Request;
import mcollective.rpc.RpcException;
import mcollective.rpc.RpcRequest;
import mcollective.spi.Connector;
import mcollective.spi.OutboundRequest;
import mcollective.spi.PluginContext;
import mcollective.spi.SecurityProvider;
import mcollective.spi.support.RpcAgent;
import mcollective.testkit.InMemoryConnector;

/**
 * Nodes behind the test kit's {@link InMemoryConnector}, answering as nodes do: they decode each request with psk,
 * answer a {@code discovery} ping with {@code "pong"} when the filter names no identity or names them, and run a
 * SimpleRPC request through an {@link RpcAgent}. A broadcast reaches every node, a direct request its targets.
 */
final class FakeFleet implements AutoCloseable {
    static final String PSK = "unit-psk";

    final InMemoryConnector connector = new InMemoryConnector();
    final PluginRegistry registry =
            PluginRegistry.builder().add(Connector.class, () -> connector).build();
    private final List<String> nodes;
    private final RpcAgent agent;
    private final SecurityProvider security;
    private final List<Request> seen = new CopyOnWriteArrayList<>();
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final Thread responder;
    private volatile boolean running = true;

    FakeFleet(List<String> nodes) {
        this(nodes, new EchoAgent());
    }

    FakeFleet(List<String> nodes, RpcAgent agent) {
        this.nodes = List.copyOf(nodes);
        this.agent = agent;
        Config nodeConfig = config();
        this.security = registry.create(
                SecurityProvider.class,
                "psk",
                new PluginContext(nodeConfig, "psk", registry, Clock.systemUTC(), Map.of(), Map.of()));
        this.responder = new Thread(this::respond, "fake-fleet");
        responder.setDaemon(true);
        responder.start();
    }

    /** A client config for this fleet, with {@code key=value} settings added ({@code key=} removes one). */
    Config config(String... settings) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("identity", "client.example.net");
        values.put("connector", "inmemory");
        values.put("plugin.psk", PSK);
        values.put("discovery_timeout", "1");
        values.put("plugin.mc.window", "0.1");
        for (String setting : settings) {
            String[] pair = setting.split("=", 2);
            if (pair[1].isEmpty()) {
                values.remove(pair[0]);
            } else {
                values.put(pair[0], pair[1]);
            }
        }
        ConfigBuilder builder = Config.builder().environment(Map.of());
        values.forEach(builder::set);
        return builder.build();
    }

    /**
     * A client for {@code config}, connected on the first {@code get} and closed with the fleet. The fleet has one
     * connector, so replies reach the client connected last: a test drives one client at a time.
     */
    Supplier<Client> client(Config config) {
        return new Supplier<>() {
            private Client client;

            @Override
            public Client get() {
                if (client == null) {
                    client = new Client(config, registry, ClientOptions.defaults());
                    client.connect();
                    clients.add(client);
                }
                return client;
            }
        };
    }

    /** Every request the nodes received, decoded, in order. */
    List<Request> requests() {
        return List.copyOf(seen);
    }

    /** The SimpleRPC requests only, as the agent read them. */
    List<RpcRequest> rpcRequests() {
        return seen.stream()
                .filter(r -> !r.agent().equals("discovery"))
                .map(RpcRequest::fromRuby)
                .toList();
    }

    /** What the client published, with its targets. */
    List<OutboundRequest> published() {
        return connector.requests();
    }

    private void respond() {
        int handled = 0;
        while (running) {
            List<OutboundRequest> published = connector.requests();
            for (; handled < published.size(); handled++) {
                answer(published.get(handled));
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void answer(OutboundRequest outbound) {
        Request request = security.decodeRequest(outbound.payload());
        seen.add(request);
        List<String> addressed = outbound.targets().isEmpty() ? nodes : outbound.targets();
        for (String node : addressed) {
            Optional<Object> body;
            if (request.agent().equals("discovery")) {
                List<String> named = request.filter().identity();
                body = named.isEmpty() || named.contains(node) ? Optional.of("pong") : Optional.empty();
            } else {
                body = agent.handle(request);
            }
            body.ifPresent(b -> connector.deliver(
                    security.encodeReply(new Reply(
                            request.requestId(),
                            node,
                            request.agent(),
                            Clock.systemUTC().instant().getEpochSecond(),
                            b)),
                    "/queue/reply",
                    null));
        }
    }

    @Override
    public void close() {
        running = false;
        responder.interrupt();
        clients.forEach(Client::close);
    }

    /** The {@code echo} agent: {@code ping} answers a pong, {@code echo} its inputs, {@code fail} aborts. */
    static final class EchoAgent extends RpcAgent {
        EchoAgent() {
            action("ping", (request, reply) -> reply.put("pong", 1L));
            action("echo", (request, reply) -> request.data().forEach(reply::put));
            action("fail", (request, reply) -> {
                throw RpcException.aborted("failed on purpose");
            });
        }

        @Override
        public String name() {
            return "echo";
        }
    }

    static List<String> names(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add("node" + i + ".example.net");
        }
        return names;
    }
}
