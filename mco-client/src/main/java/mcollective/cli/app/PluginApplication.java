package mcollective.cli.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import picocli.CommandLine.Command;

import mcollective.McollectiveException;
import mcollective.cli.AppContext;
import mcollective.cli.Application;
import mcollective.ddl.Ddl;
import mcollective.ddl.DdlLoader;

/**
 * Port of the {@code doc} command of {@code lib/mcollective/application/plugin.rb}: {@code mco plugin doc} lists
 * the plugins that have DDLs, {@code mco plugin doc <name>} or {@code <type>/<name>} prints one plugin's
 * documentation. Packaging and code generation ({@code package}, {@code info}, {@code generate}) build Ruby
 * plugins and are not part of the port.
 */
@Command(
        name = "plugin",
        description = "MCollective Plugin Application",
        customSynopsis = {"mco plugin doc <plugin>", "mco plugin doc <type/plugin>"})
public final class PluginApplication extends Application {
    public PluginApplication() {
        super(Section.COMMON, Section.FILTER);
    }

    private static final List<List<String>> TYPES = List.of(
            List.of("Agents", "agent"),
            List.of("Aggregate", "aggregate"),
            List.of("Connectors", "connector"),
            List.of("Data Queries", "data"),
            List.of("Discovery Methods", "discovery"),
            List.of("Validator Plugins", "validator"));

    @Override
    protected int main(AppContext context) {
        if (arguments().isEmpty() || !arguments().get(0).equals("doc")) {
            throw new McollectiveException(
                    arguments().isEmpty()
                            ? "No action specified"
                            : "mco plugin " + arguments().get(0)
                                    + " builds Ruby plugin packages and is not part of this port; "
                                    + "use 'mco plugin doc'");
        }
        DdlLoader ddls = new DdlLoader(context.config().libdirs());
        if (arguments().size() < 2 || arguments().get(1).equals(".")) {
            context.out().println("Please specify a plugin. Available plugins are:");
            context.out().println();
            for (List<String> type : TYPES) {
                context.out().println(type.get(0) + ":");
                for (String ddl : ddls.names(type.get(1))) {
                    Ddl read = ddls.find(type.get(1), ddl).orElseThrow();
                    context.out()
                            .printf(
                                    "  %-25s %s%n",
                                    ddl.replaceAll("_" + type.get(1) + "$", ""), read.meta("description"));
                }
                context.out().println();
            }
            return 0;
        }
        String target = arguments().get(1);
        Ddl ddl;
        if (target.contains("/")) {
            String[] parts = target.split("/", 2);
            ddl = find(ddls, parts[0], parts[1])
                    .orElseThrow(() -> new McollectiveException(
                            String.format("Could not find a '%s' plugin named '%s'", parts[0], parts[1])));
        } else {
            List<Ddl> found = new ArrayList<>();
            for (List<String> type : TYPES) {
                find(ddls, type.get(1), target).ifPresent(found::add);
            }
            if (found.size() > 1) {
                throw new McollectiveException(
                        "Duplicate plugin name found, please specify a full path like agent/rpcutil");
            }
            if (found.isEmpty()) {
                throw new McollectiveException(
                        "Could not find a plugin named '" + target + "' in any supported plugin type");
            }
            ddl = found.get(0);
        }
        // puts: a newline only when the text does not end with one.
        String text = PluginDoc.render(ddl);
        context.out().print(text.endsWith("\n") ? text : text + "\n");
        return 0;
    }

    /** Data, validator, aggregate ... DDL files carry a {@code _<type>} suffix for some types. */
    private static Optional<Ddl> find(DdlLoader ddls, String type, String name) {
        return ddls.find(type, name).or(() -> ddls.find(type, name + "_" + type));
    }
}
