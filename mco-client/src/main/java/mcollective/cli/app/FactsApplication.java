package mcollective.cli.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import picocli.CommandLine.Command;

import mcollective.McollectiveException;
import mcollective.cli.AppContext;
import mcollective.cli.Application;
import mcollective.cli.DiscoverySession;
import mcollective.cli.ExitCodes;
import mcollective.cli.output.RubyInspect;
import mcollective.cli.output.StatsPrinter;
import mcollective.client.RpcClient;
import mcollective.client.RpcStats;
import mcollective.ddl.DdlLoader;

/**
 * Port of {@code lib/mcollective/application/facts.rb}: asks every node for one fact ({@code rpcutil get_fact})
 * and reports how many nodes have each value; {@code -v} lists the nodes under each value.
 */
@Command(name = "facts", description = "Reports on usage for a specific fact")
public final class FactsApplication extends Application {
    @Override
    protected int main(AppContext context) {
        if (arguments().isEmpty()) {
            throw new McollectiveException("Please specify a fact to report for");
        }
        String fact = arguments().get(0);
        Duration timeout =
                new DdlLoader(context.config().libdirs()).agent("rpcutil").timeout();
        Map<String, List<String>> facts = new TreeMap<>();
        RpcStats stats;
        try (DiscoverySession session = new DiscoverySession(context, common)) {
            RpcClient client = session.rpcClient("rpcutil", filter.toFilter(), rpc, timeout);
            session.discoverFor(client, rpc.verbose());
            stats = client.call("get_fact", Map.of("fact", fact), result -> {
                Object value = result.data().get("value");
                if (value != null) {
                    facts.computeIfAbsent(RubyInspect.plain(value), k -> new ArrayList<>())
                            .add(result.sender());
                }
            });
        }
        if (facts.isEmpty()) {
            context.out().println("No values found for fact " + fact);
        } else {
            context.out().print("Report for fact: " + fact + "\n\n");
            int width = Math.max(
                    40, facts.keySet().stream().mapToInt(String::length).max().orElse(0));
            facts.forEach((value, senders) -> {
                context.out().printf("        %-" + width + "s found %d times%n", value, senders.size());
                if (rpc.verbose()) {
                    context.out().println();
                    senders.stream().sorted().forEach(s -> context.out().println("            " + s));
                    context.out().println();
                }
            });
        }
        context.out().print(new StatsPrinter(context.colors()).text(stats, rpc.verbose(), "rpc stats", ""));
        return ExitCodes.haltCode(stats);
    }
}
