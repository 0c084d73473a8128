package mcollective.chef.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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

/**
 * {@code mco chef [OPTIONS] [FILTERS] <status|start|stop|restart|wake>}: the application of zts/cookbook-mcollective
 * over the {@code chef} agent, {@code wake} calling {@code wake_daemon}. The original always called
 * {@code wake_daemon} ({@code if configuration[:action] = "wake"}); here each action calls its own.
 */
@Command(
        name = "chef",
        description = "Checks the status of and Wakes the Chef to perform a run",
        customSynopsis = {
            "mco chef [OPTIONS] [FILTERS] [ACTION]",
            "ACTION: is one of status, stop, start, restart, or wake"
        })
public final class ChefApplication extends Application {
    static final List<String> ACTIONS = List.of("status", "stop", "start", "restart", "wake");

    @Option(names = "--jsonl", order = 1, description = "Produce one line of JSON per reply as it arrives")
    boolean jsonLines;

    @Override
    protected int main(AppContext context) {
        List<String> words = arguments();
        if (words.size() != 1 || !ACTIONS.contains(words.get(0))) {
            throw new McollectiveException("Action must be one of status, stop, start, restart, or wake"
                    + (words.isEmpty() ? "" : ", not '" + String.join(" ", words) + "'"));
        }
        Optional<String> display = RpcCall.display(rpc);
        String action = words.get(0).equals("wake") ? "wake_daemon" : words.get(0);
        Ddl ddl = new DdlLoader(context.config().libdirs()).agent("chef");
        ActionDdl interfaces = ddl.action(action)
                .orElseThrow(() -> new McollectiveException("The chef agent's DDL has no action " + action));
        try (DiscoverySession session = new DiscoverySession(context, common)) {
            RpcClient client = session.rpcClient("chef", filter.toFilter(), rpc, ddl.timeout());
            return new RpcCall(context, rpc, jsonLines).run(session, client, interfaces, action, Map.of(), display);
        }
    }
}
