package mcollective.cli.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import mcollective.McollectiveException;
import mcollective.cli.AppContext;
import mcollective.cli.Application;
import mcollective.cli.CommonOptions;
import mcollective.cli.DiscoverySession;
import mcollective.cli.ExitCodes;
import mcollective.cli.FilterOptions;
import mcollective.cli.RpcOptions;
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
import mcollective.ddl.Ddl;
import mcollective.ddl.DdlLoader;
import mcollective.ddl.DdlValidator;
import mcollective.ddl.InputItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Port of {@code lib/mcollective/application/rpc.rb}: calls any agent action,
 * {@code mco rpc [options] [filters] <agent> <action> [<key=val> ...]} or with {@code --agent}, {@code --action}
 * and {@code --arg}. Arguments are converted by their DDL type and validated before anything is sent; results are
 * printed as MCollective prints them, or as JSON ({@code -j}) or, beyond MCollective, one JSON object per line as
 * each reply arrives ({@code --jsonl}).
 */
@Command(name = "rpc")
public final class RpcApplication implements Application {
    private static final Pattern ARGUMENT = Pattern.compile("^(.+?)=(.+)$", Pattern.DOTALL);

    @Mixin(name = "rpc")
    RpcOptions rpc;
    @Mixin(name = "common")
    CommonOptions common;
    @Mixin(name = "filter")
    FilterOptions filter;

    @Option(names = {"--no-results", "--nr"}, order = 1, description = "Do not process results, just send request")
    boolean noResults;

    @Option(names = {"-a", "--agent"}, paramLabel = "AGENT", order = 2, description = "Agent to call")
    String agentOption;

    @Option(names = "--action", paramLabel = "ACTION", order = 3, description = "Action to call")
    String actionOption;

    @Option(names = {"--arg", "--argument"}, paramLabel = "ARGUMENT", order = 4,
            description = "Arguments to pass to agent")
    List<String> argumentOptions = new ArrayList<>();

    @Option(names = "--jsonl", order = 5, description = "Produce one line of JSON per reply as it arrives")
    boolean jsonLines;

    @Parameters(hidden = true)
    List<String> words = new ArrayList<>();

    @Override
    public String name() {
        return "rpc";
    }

    @Override
    public String description() {
        return "Generic RPC agent client application";
    }

    @Override
    public List<String> usage() {
        return List.of("mco rpc [options] [filters] --agent <agent> --action <action> [--argument <key=val> "
                + "--argument ...]", "mco rpc [options] [filters] <agent> <action> [<key=val> <key=val> ...]");
    }

    @Override
    public int main(AppContext context) {
        List<String> arguments = new ArrayList<>(argumentOptions);
        if ((agentOption == null || actionOption == null) && words.size() < 2) {
            throw new McollectiveException("No agent, action and arguments specified");
        }
        boolean positional = agentOption == null || actionOption == null;
        String agent = positional ? words.get(0) : agentOption;
        String action = positional ? words.get(1) : actionOption;
        if (positional) {
            arguments.addAll(words.subList(2, words.size()));
        }
        Ddl ddl = new DdlLoader(context.config().libdirs()).agent(agent);
        ActionDdl interfaces = ddl.action(action).orElseThrow(() -> new McollectiveException(String.format(
                "Attempted to call action %s for %s but it's not declared in the DDL", action, ddl.name())));
        Map<String, Object> args = parse(arguments, interfaces);
        DdlValidator.using(context.registry()).validate(ddl, action, args);
        Optional<String> display = Optional.ofNullable(rpc.display());
        display.filter(d -> !List.of("ok", "all", "failed").contains(d)).ifPresent(d -> {
            throw new McollectiveException("--display has to be one of 'ok', 'all' or 'failed'");
        });

        try (DiscoverySession session = new DiscoverySession(context, common)) {
            RpcClient client = session.rpcClient(agent, filter.toFilter(), rpc, ddl.timeout());
            if (common.replyTo().isPresent() || noResults) {
                String id = client.fireAndForget(action, args, common.replyTo().isPresent());
                context.out().println("Request sent with id: " + id
                        + common.replyTo().map(r -> " replies to " + r).orElse(""));
                return 0;
            }
            boolean json = rpc.json() || jsonLines;
            List<String> limited = session.discoverFor(client, !json);
            if (limited.isEmpty()) {
                // OUT-3: Ruby prints this without a newline.
                context.err().print("\nNo request sent, we did not discover any nodes.");
                // What Ruby's printrpc of no results and the empty stats report leave on stdout.
                context.out().print("\n\n\n\n");
                return ExitCodes.haltCode(1, 0, 0, 0);
            }
            return call(context, client, interfaces, action, args, limited, display);
        }
    }

    private int call(AppContext context, RpcClient client, ActionDdl interfaces, String action,
            Map<String, Object> args, List<String> nodes, Optional<String> display) {
        Colors colors = context.colors();
        boolean json = rpc.json() || jsonLines;
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
            context.out().print(new StatsPrinter(colors).text(stats, rpc.verbose(),
                    client.agent() + "#" + action + " call stats", summaries.text()));
        }
        return ExitCodes.haltCode(stats.discoveryTime().toNanos() / 1e9, stats.discoveredCount(), stats.responses(),
                stats.failCount());
    }

    /** {@code key=value} words into inputs, converted by the DDL type as {@code string_to_ddl_type} does. */
    private static Map<String, Object> parse(List<String> words, ActionDdl interfaces) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (String word : words) {
            Matcher m = ARGUMENT.matcher(word);
            if (!m.matches()) {
                throw new McollectiveException("Could not parse --arg " + word + " should be of the form key=val");
            }
            InputItem input = interfaces.inputs().get(m.group(1));
            args.put(m.group(1), input == null ? m.group(2) : DdlValidator.convert(input, m.group(2)));
        }
        return args;
    }


}
