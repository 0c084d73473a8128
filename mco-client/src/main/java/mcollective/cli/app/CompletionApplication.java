package mcollective.cli.app;

import java.util.Comparator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import mcollective.McollectiveException;
import mcollective.cli.AppContext;
import mcollective.cli.Application;
import mcollective.ddl.ActionDdl;
import mcollective.ddl.Ddl;
import mcollective.ddl.DdlLoader;
import mcollective.ddl.InputItem;

/**
 * Port of {@code lib/mcollective/application/completion.rb}: names for shell completion, one per line
 * ({@code name:description} with {@code -v}).
 */
@Command(name = "completion", description = "Helper for shell completion systems")
public final class CompletionApplication extends Application {
    public CompletionApplication() {
        super(Section.COMMON, Section.FILTER);
    }

    @Option(names = "--list-agents", order = 1, description = "List all known agents")
    boolean listAgents;

    @Option(names = "--list-actions", order = 2, description = "List all actions for an agent")
    boolean listActions;

    @Option(names = "--list-inputs", order = 3, description = "List all inputs for an action")
    boolean listInputs;

    @Option(names = "--list-applications", order = 4, description = "List all known applications")
    boolean listApplications;

    @Option(names = "--agent", paramLabel = "AGENT", order = 5, description = "The agent to operate on")
    String agent;

    @Option(names = "--action", paramLabel = "ACTION", order = 6, description = "The action to operate on")
    String action;

    @Override
    protected int main(AppContext context) {
        int chosen = (listAgents ? 1 : 0) + (listActions ? 1 : 0) + (listInputs ? 1 : 0) + (listApplications ? 1 : 0);
        if (chosen != 1) {
            // completion.rb validates with a plain message and exit 1, not as an application failure.
            context.err()
                    .println(
                            chosen == 0
                                    ? "Please choose either --list-[agents|actions|inputs|applications]"
                                    : "Please choose only one of --list-[agents|actions|inputs|applications]");
            return 1;
        }
        DdlLoader ddls = new DdlLoader(context.config().libdirs());
        if (listApplications) {
            for (String app : context.registry().names(Application.class)) {
                line(
                        context,
                        app,
                        context.registry()
                                .create(Application.class, app, context.pluginContext())
                                .description());
            }
        } else if (listAgents) {
            for (String name : ddls.names("agent")) {
                line(context, name, ddls.agent(name).meta("description"));
            }
        } else if (agent != null) {
            Ddl ddl = ddls.agent(agent);
            if (listActions) {
                ddl.actions().values().stream()
                        .sorted(Comparator.comparing(ActionDdl::name))
                        .forEach(a -> line(context, a.name(), a.description()));
            } else if (action != null) {
                ActionDdl interfaces = ddl.action(action)
                        .orElseThrow(
                                () -> new McollectiveException("Unknown action " + action + " for agent " + agent));
                interfaces.inputs().values().stream()
                        .sorted(Comparator.comparing(InputItem::name))
                        .forEach(i -> line(context, i.name(), i.description()));
            }
        }
        return 0;
    }

    private void line(AppContext context, String name, String description) {
        context.out().println(rpc.verbose() ? name + ":" + description : name);
    }
}
