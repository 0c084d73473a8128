package mcollective.cli.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import mcollective.McollectiveException;
import mcollective.cli.AppContext;
import mcollective.cli.Application;
import mcollective.cli.DiscoverySession;
import mcollective.cli.RpcCall;
import mcollective.client.RpcClient;
import mcollective.ddl.ActionDdl;
import mcollective.ddl.Ddl;
import mcollective.ddl.DdlLoader;
import mcollective.ddl.DdlValidator;
import mcollective.ddl.InputItem;

/**
 * Port of {@code lib/mcollective/application/rpc.rb}: calls any agent action,
 * {@code mco rpc [options] [filters] <agent> <action> [<key=val> ...]} or with {@code --agent}, {@code --action}
 * and {@code --arg}. Arguments are converted by their DDL type and validated before anything is sent; results are
 * printed as MCollective prints them, or as JSON ({@code -j}) or, beyond MCollective, one JSON object per line as
 * each reply arrives ({@code --jsonl}).
 */
@Command(
        name = "rpc",
        description = "Generic RPC agent client application",
        customSynopsis = {
            "mco rpc [options] [filters] --agent <agent> --action <action> [--argument <key=val> " + "--argument ...]",
            "mco rpc [options] [filters] <agent> <action> [<key=val> <key=val> ...]"
        })
public final class RpcApplication extends Application {
    private static final Pattern ARGUMENT = Pattern.compile("^(.+?)=(.+)$", Pattern.DOTALL);

    @Option(
            names = {"--no-results", "--nr"},
            order = 1,
            description = "Do not process results, just send request")
    boolean noResults;

    @Option(
            names = {"-a", "--agent"},
            paramLabel = "AGENT",
            order = 2,
            description = "Agent to call")
    String agentOption;

    @Option(names = "--action", paramLabel = "ACTION", order = 3, description = "Action to call")
    String actionOption;

    @Option(
            names = {"--arg", "--argument"},
            paramLabel = "ARGUMENT",
            order = 4,
            description = "Arguments to pass to agent")
    List<String> argumentOptions = new ArrayList<>();

    @Option(names = "--jsonl", order = 5, description = "Produce one line of JSON per reply as it arrives")
    boolean jsonLines;

    @Override
    protected int main(AppContext context) {
        List<String> inputs = new ArrayList<>(argumentOptions);
        if ((agentOption == null || actionOption == null) && arguments().size() < 2) {
            throw new McollectiveException("No agent, action and arguments specified");
        }
        boolean positional = agentOption == null || actionOption == null;
        String agent = positional ? arguments().get(0) : agentOption;
        String action = positional ? arguments().get(1) : actionOption;
        if (positional) {
            inputs.addAll(arguments().subList(2, arguments().size()));
        }
        Ddl ddl = new DdlLoader(context.config().libdirs()).agent(agent);
        ActionDdl interfaces = ddl.action(action)
                .orElseThrow(() -> new McollectiveException(String.format(
                        "Attempted to call action %s for %s but it's not declared in the DDL", action, ddl.name())));
        Map<String, Object> args = parse(inputs, interfaces);
        DdlValidator.using(context.pluginContext()).validate(ddl, action, args);
        Optional<String> display = RpcCall.display(rpc);

        try (DiscoverySession session = new DiscoverySession(context, common)) {
            RpcClient client = session.rpcClient(agent, filter.toFilter(), rpc, ddl.timeout());
            if (common.replyTo().isPresent() || noResults) {
                String id = client.fireAndForget(action, args, common.replyTo().isPresent());
                context.out()
                        .println("Request sent with id: " + id
                                + common.replyTo().map(r -> " replies to " + r).orElse(""));
                return 0;
            }
            return new RpcCall(context, rpc, jsonLines).run(session, client, interfaces, action, args, display);
        }
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
