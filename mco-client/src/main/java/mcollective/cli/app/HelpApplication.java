package mcollective.cli.app;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import mcollective.McollectiveException;
import mcollective.Version;
import mcollective.cli.AppContext;
import mcollective.cli.Application;
import mcollective.cli.HelpRenderer;
import mcollective.cli.RpcOptions;

/**
 * Port of {@code lib/mcollective/application/help.rb}: without an argument the list of applications with their
 * descriptions, with one that application's help.
 */
@Command(name = "help")
public final class HelpApplication implements Application {
    @Mixin(name = "rpc")
    RpcOptions rpc;

    @Parameters(hidden = true)
    List<String> words = new ArrayList<>();

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String description() {
        return "Application list and help";
    }

    @Override
    public int main(AppContext context) {
        List<String> names = context.registry().names(Application.class);
        if (words.isEmpty()) {
            context.out().println("The Marionette Collective version " + Version.VERSION);
            context.out().println();
            for (String name : names) {
                Application app = context.registry().create(Application.class, name, context.pluginContext());
                context.out().printf("  %-15s %s%n", name, app.description());
            }
            context.out().println();
            return 0;
        }
        String name = words.get(0);
        if (!names.contains(name)) {
            throw new McollectiveException("cannot load such file -- mcollective/application/" + name + ".rb");
        }
        Application app = context.registry().create(Application.class, name, context.pluginContext());
        context.out().print(HelpRenderer.render(app, new CommandLine(app).getCommandSpec()));
        return 0;
    }
}
