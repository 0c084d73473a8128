package mcollective.cli.app;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import picocli.CommandLine.Command;

import mcollective.cli.AppContext;
import mcollective.cli.Application;
import mcollective.cli.DiscoverySession;
import mcollective.client.Discovered;
import mcollective.protocol.Filter;

/**
 * Port of {@code lib/mcollective/application/find.rb}: discovery only, one identity per line on stdout; with
 * {@code -v} the discovery lines go to stderr. Exit 0 when a node was found, else 1.
 */
@Command(name = "find", description = "Find hosts using the discovery system matching filter criteria")
public final class FindApplication extends Application {
    @Override
    protected int main(AppContext context) {
        // An RPC client always adds its agent to the filter (rpc/client.rb); find uses rpcutil.
        Filter wanted = filter.toFilter().withAgent("rpcutil");
        long start = System.nanoTime();
        Discovered found;
        try (DiscoverySession discovery = new DiscoverySession(context, common)) {
            found = discovery.discover(wanted, rpc.verbose(), Optional.of("rpcutil"));
        }
        List<String> nodes = found.nodes();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (rpc.verbose()) {
            context.err().println();
        }
        nodes.forEach(context.out()::println);
        if (rpc.verbose()) {
            context.err()
                    .printf(
                            Locale.ROOT,
                            "%nDiscovered %s nodes in %.2f seconds using the %s discovery plugin%n",
                            nodes.size(),
                            seconds,
                            found.method());
        }
        return nodes.isEmpty() ? 1 : 0;
    }
}
