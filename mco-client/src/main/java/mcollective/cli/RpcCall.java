package mcollective.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import mcollective.McollectiveException;
import mcollective.cli.output.ActionLayout;
import mcollective.cli.output.Colors;
import mcollective.cli.output.JsonValues;
import mcollective.cli.output.ProgressBar;
import mcollective.cli.output.ResultPrinter;
import mcollective.cli.output.StatsPrinter;
import mcollective.cli.output.Summaries;
import mcollective.client.RpcClient;
import mcollective.client.RpcResult;
import mcollective.client.RpcStats;
import mcollective.ddl.ActionDdl;

/**
 * One SimpleRPC call from an application, discovered, sent and printed as MCollective's {@code printrpc} and
 * {@code printrpcstats} do (or as JSON with {@code -j}, or one JSON line per reply with {@code --jsonl}), ending in
 * {@code halt}'s exit code. Shared by {@code mco rpc} and the applications built on one agent ({@code mco chef}).
 */
public final class RpcCall {
    private final AppContext context;
    private final RpcOptions rpc;
    private final boolean jsonLines;

    public RpcCall(AppContext context, RpcOptions rpc, boolean jsonLines) {
        this.context = context;
        this.rpc = rpc;
        this.jsonLines = jsonLines;
    }

    /** The user's {@code --display} choice, checked: one of {@code ok}, {@code all} or {@code failed}. */
    public static Optional<String> display(RpcOptions rpc) {
        Optional<String> display = Optional.ofNullable(rpc.display());
        display.filter(d -> !List.of("ok", "all", "failed").contains(d)).ifPresent(d -> {
            throw new McollectiveException("--display has to be one of 'ok', 'all' or 'failed'");
        });
        return display;
    }

    /**
     * Discovers for {@code client}, calls {@code action} and prints the results.
     *
     * @param display the user's {@code --display} choice, overriding the DDL's
     * @return MCollective's exit code for the outcome
     */
    public int run(
            DiscoverySession session,
            RpcClient client,
            ActionDdl interfaces,
            String action,
            Map<String, Object> args,
            Optional<String> display) {
        boolean json = rpc.json() || jsonLines;
        List<String> nodes = session.discoverFor(client, !json);
        if (nodes.isEmpty()) {
            // Ruby prints this without a newline.
            context.err().print("\nNo request sent, we did not discover any nodes.");
            // What Ruby's printrpc of no results and the empty stats report leave on stdout.
            context.out().print("\n\n\n\n");
            return ExitCodes.haltCode(1, 0, 0, 0);
        }
        Colors colors = context.colors();
        boolean progress = !json && !rpc.noProgress();
        ProgressBar bar = new ProgressBar(context.terminal(), 80, colors);
        Summaries summaries = new Summaries(interfaces, colors);
        List<RpcResult> results = new ArrayList<>();
        if (progress) {
            context.out().println();
            context.out().print(bar.twirl(0, nodes.size()));
        }
        RpcStats stats = client.call(action, args, result -> {
            results.add(result);
            summaries.add(result);
            if (progress) {
                context.out().print(bar.twirl(results.size(), nodes.size()));
            }
            if (jsonLines) {
                context.out().println(JsonValues.write(result.toJsonMap(), false));
            }
        });
        if (progress) {
            context.out().print("\n\n");
        }
        if (rpc.json()) {
            List<Object> all = new ArrayList<>();
            results.forEach(r -> all.add(r.toJsonMap()));
            context.out().println(JsonValues.write(all, context.terminal()));
        } else if (!jsonLines) {
            ResultPrinter printer = new ResultPrinter(colors);
            ActionLayout layout = new ActionLayout(interfaces.display(), interfaces.labels()).withDisplay(display);
            StringBuilder text = new StringBuilder();
            results.forEach(r -> text.append(printer.text(r, layout, rpc.verbose())));
            context.out().print("\n" + text + "\n");
            context.out()
                    .print(new StatsPrinter(colors)
                            .text(
                                    stats,
                                    rpc.verbose(),
                                    client.agent() + "#" + action + " call stats",
                                    summaries.text()));
        }
        return ExitCodes.haltCode(
                stats.discoveryTime().toNanos() / 1e9, stats.discoveredCount(), stats.responses(), stats.failCount());
    }
}
