package mcollective.cli.app;

import java.util.List;

import picocli.CommandLine.Command;

import mcollective.McollectiveException;
import mcollective.Version;
import mcollective.cli.AppContext;
import mcollective.cli.Application;
import mcollective.cli.HelpRenderer;

/**
 * Port of {@code lib/mcollective/application/help.rb}: without an argument the list of applications with their
 * descriptions, with one that application's help.
 */
@Command(name = "help", description = "Application list and help")
public final class HelpApplication extends Application {
    public HelpApplication() {
        super(Section.COMMON, Section.FILTER);
    }

    @Override
    protected int main(AppContext context) {
        List<String> names = context.registry().names(Application.class);
        if (arguments().isEmpty()) {
            context.out().println("The Marionette Collective version " + Version.VERSION);
            context.out().println();
            for (String name : names) {
                Application app = context.registry().create(Application.class, name, context.pluginContext());
                context.out().printf("  %-15s %s%n", name, app.description());
            }
            context.out().println();
            return 0;
        }
        String name = arguments().get(0);
        if (!names.contains(name)) {
            throw new McollectiveException("cannot load such file -- mcollective/application/" + name + ".rb");
        }
        Application app = context.registry().create(Application.class, name, context.pluginContext());
        context.out().print(HelpRenderer.render(app));
        return 0;
    }
}
