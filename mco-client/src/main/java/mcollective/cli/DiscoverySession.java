package mcollective.cli;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import mcollective.client.Client;
import mcollective.client.Discoverer;
import mcollective.client.BroadcastNetwork;
import mcollective.protocol.Filter;

/**
 * Discovery as the CLI applications run it: the client connects only if the network is asked (an offline method
 * needs no broker), plain {@code -I} names skip discovery, and {@code -v} prints MCollective's discovery line on
 * stderr. Close it to disconnect.
 */
public final class DiscoverySession implements AutoCloseable {
    private final AppContext context;
    private final CommonOptions common;
    private final Discoverer discoverer;
    private Client client;

    public DiscoverySession(AppContext context, CommonOptions common) {
        this.context = context;
        this.common = common;
        boolean piped = !common.choseDiscovery() && context.in().isPiped();
        this.discoverer = new Discoverer(
                context.config(),
                context.registry(),
                common.discovery(piped),
                Optional.of(context.in().stream()),
                this::client);
    }

    /** The connected client, connecting on first use. */
    public Client client() {
        if (client == null) {
            Client created = new Client(
                    context.config(),
                    context.registry(),
                    common.clientOptions(context.config()),
                    java.time.Clock.systemUTC(),
                    context.env());
            created.connect();
            client = created;
        }
        return client;
    }

    public Discoverer discoverer() {
        return discoverer;
    }

    /**
     * Discovers the nodes for {@code filter}, in which the caller put {@code impliedAgent} itself; with
     * {@code verbose}, prints the discovery line on stderr.
     */
    public List<String> discover(Filter filter, int limit, boolean verbose, Optional<String> impliedAgent) {
        if (discoverer.methodName().equals("mc")) {
            Optional<List<String>> shortcut = BroadcastNetwork.identityShortcut(filter);
            if (shortcut.isPresent()) {
                return shortcut.get();
            }
        }
        Duration timeout = discoverer.timeout();
        if (verbose) {
            if (timeout.isZero()) {
                context.err().printf("Discovering hosts using the %s method .... ", discoverer.methodName());
            } else {
                context.err()
                        .printf(
                                "Discovering hosts using the %s method for %d second(s) .... ",
                                discoverer.methodName(), timeout.toSeconds());
            }
        }
        List<String> nodes = discoverer.discover(filter, limit, impliedAgent);
        if (verbose) {
            context.err().println(nodes.size());
        }
        return nodes;
    }

    /**
     * An RPC client for {@code agent} with the user's filter and RPC options, the agent's DDL timeout and this
     * session's discovery and connection.
     */
    public mcollective.client.RpcClient rpcClient(
            String agent, mcollective.protocol.Filter filter, RpcOptions rpc, Duration agentTimeout) {
        return new mcollective.client.RpcClient(
                context.config(),
                discoverer,
                this::client,
                agent,
                new mcollective.client.RpcClient.Settings(
                        filter,
                        common.timeout(),
                        agentTimeout,
                        rpc.limit(),
                        rpc.limitSeed(),
                        rpc.batch(),
                        rpc.batchSleep(context.config())));
    }

    /** Discovers for {@code client} (printing the discovery line when asked) and returns the nodes it will call. */
    public List<String> discoverFor(mcollective.client.RpcClient client, boolean verbose) {
        long start = System.nanoTime();
        List<String> nodes = discover(client.filter(), client.firstLimit(), verbose, Optional.of(client.agent()));
        return client.useDiscovered(nodes, Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
