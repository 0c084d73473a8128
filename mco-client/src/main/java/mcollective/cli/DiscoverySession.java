package mcollective.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import mcollective.client.Client;
import mcollective.client.Discovered;
import mcollective.client.Discoverer;
import mcollective.client.DiscoveryListener;
import mcollective.client.NodeLimit;
import mcollective.client.RpcClient;
import mcollective.protocol.Filter;

/**
 * Discovery as the CLI applications run it: the user's discovery options and connection, with the client library's
 * {@link Discoverer} deciding everything, and {@code -v} printing MCollective's discovery line on stderr as the
 * discovery runs. The client connects only if the network is asked (an offline method needs no broker). Close it to
 * disconnect.
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
                    Clock.systemUTC(),
                    context.env());
            created.connect();
            client = created;
        }
        return client;
    }

    /**
     * MCollective's discovery line on stderr when {@code verbose}:
     * {@code Discovering hosts using the mc method for 2 second(s) .... 3}, without the time for offline methods.
     */
    public DiscoveryListener progress(boolean verbose) {
        return verbose ? new DiscoveryLine(context.err()) : DiscoveryListener.NONE;
    }

    /**
     * Discovers every node for {@code filter}, in which the caller put {@code impliedAgent} itself, without a limit;
     * with {@code verbose}, prints the discovery line.
     */
    public Discovered discover(Filter filter, boolean verbose, Optional<String> impliedAgent) {
        return discoverer.discover(filter, impliedAgent, NodeLimit.none(), progress(verbose));
    }

    /**
     * An RPC client for {@code agent} with the user's filter and RPC options, the agent's DDL timeout and this
     * session's discovery and connection.
     */
    public RpcClient rpcClient(String agent, Filter filter, RpcOptions rpc, Duration agentTimeout) {
        return new RpcClient(
                context.config(),
                discoverer,
                this::client,
                agent,
                new RpcClient.Settings(
                        filter,
                        common.timeout(),
                        agentTimeout,
                        rpc.limit(),
                        rpc.limitSeed(),
                        rpc.batch(),
                        rpc.batchSleep(context.config())));
    }

    /** Discovers for {@code client} (printing the discovery line when asked) and returns the nodes it will call. */
    public List<String> discoverFor(RpcClient client, boolean verbose) {
        return client.discover(progress(verbose));
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }

    /** The line {@code rpc/client.rb discover} prints with {@code :verbose}. */
    private record DiscoveryLine(PrintWriter err) implements DiscoveryListener {
        @Override
        public void discovering(String method, Duration timeout) {
            if (timeout.isZero()) {
                err.printf("Discovering hosts using the %s method .... ", method);
            } else {
                err.printf("Discovering hosts using the %s method for %d second(s) .... ", method, timeout.toSeconds());
            }
        }

        @Override
        public void discovered(String method, List<String> found) {
            err.println(found.size());
        }
    }
}
