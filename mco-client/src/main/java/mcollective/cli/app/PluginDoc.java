package mcollective.cli.app;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import mcollective.ddl.ActionDdl;
import mcollective.ddl.Ddl;
import mcollective.ddl.InputItem;
import mcollective.ddl.OutputItem;
import mcollective.protocol.codec.RubyRegexp;
import mcollective.protocol.codec.RubySymbol;

/**
 * The text of {@code mco plugin doc}: MCollective's {@code metadata-help.erb}, {@code rpc-help.erb},
 * {@code data-help.erb} and {@code discovery-help.erb} templates, rendered without ERB.
 */
final class PluginDoc {
    private PluginDoc() {}

    static String render(Ddl ddl) {
        StringBuilder out = new StringBuilder(meta(ddl));
        switch (ddl.kind()) {
            case "agent" -> agent(out, ddl);
            case "data" -> data(out, ddl);
            case "discovery" -> discovery(out, ddl);
            default -> {}
        }
        return out.toString();
    }

    private static String meta(Ddl ddl) {
        StringBuilder out = new StringBuilder();
        String name = ddl.meta("name");
        out.append(name).append('\n').append("=".repeat(name.length())).append("\n\n");
        out.append(ddl.meta("description")).append("\n\n");
        out.append("      Author: ").append(ddl.meta("author")).append('\n');
        out.append("     Version: ").append(ddl.meta("version")).append('\n');
        out.append("     License: ").append(ddl.meta("license")).append('\n');
        out.append("     Timeout: ").append(ddl.meta("timeout")).append('\n');
        out.append("   Home Page: ").append(ddl.meta("url")).append('\n');
        Object requires = ddl.requirements().get("mcollective");
        if (requires != null) {
            out.append("\n   Requires MCollective ").append(requires).append(" or newer\n");
        }
        ddl.usage().filter(u -> !u.isBlank()).ifPresent(u -> {
            out.append('\n');
            u.stripTrailing()
                    .lines()
                    .forEach(l -> out.append("   ").append(l.stripTrailing()).append('\n'));
        });
        return out.toString();
    }

    private static void agent(StringBuilder out, Ddl ddl) {
        out.append("\nACTIONS:\n========\n   ")
                .append(String.join(", ", new TreeMap<>(ddl.actions()).keySet()))
                .append("\n\n");
        for (ActionDdl action : new TreeMap<>(ddl.actions()).values()) {
            out.append("   ").append(action.name()).append(" action:\n");
            out.append("   ").append("-".repeat(action.name().length() + 8)).append('\n');
            out.append("       ").append(action.description()).append("\n\n");
            out.append("       INPUT:\n");
            if (action.inputs().isEmpty()) {
                out.append("          This action does not have any inputs\n");
            } else {
                new TreeMap<>(action.inputs())
                        .values()
                        .forEach(input -> input(out, input, "           " + input.name() + ":\n"));
            }
            out.append("\n       OUTPUT:\n");
            outputs(out, action.outputs());
        }
    }

    private static void input(StringBuilder out, InputItem input, String heading) {
        out.append(heading);
        out.append("              Description: ").append(input.description()).append('\n');
        out.append("                   Prompt: ").append(input.prompt()).append('\n');
        out.append("                     Type: ").append(input.type()).append('\n');
        if (!heading.isEmpty()) {
            out.append("                 Optional: ").append(input.optional()).append('\n');
        }
        if (input.type().equals("string")) {
            out.append("               Validation: ")
                    .append(input.validation().map(PluginDoc::validation).orElse(""))
                    .append('\n');
            out.append("                   Length: ").append(input.maxlength()).append('\n');
        } else if (input.type().equals("list")) {
            out.append("             Valid Values: ")
                    .append(String.join(
                            ", ", input.list().stream().map(String::valueOf).toList()))
                    .append('\n');
        }
        input.defaultValue()
                .filter(d -> !Boolean.FALSE.equals(d))
                .ifPresent(
                        d -> out.append("            Default Value: ").append(d).append('\n'));
        if (!heading.isEmpty()) {
            out.append('\n');
        }
    }

    private static String validation(Object validation) {
        if (validation instanceof RubyRegexp regex) {
            return regex.toS();
        }
        return validation instanceof RubySymbol s ? s.name() : String.valueOf(validation);
    }

    private static void outputs(StringBuilder out, Map<String, OutputItem> outputs) {
        for (OutputItem output : new TreeMap<>(outputs).values()) {
            out.append("           ").append(output.name()).append(":\n");
            out.append("              Description: ")
                    .append(output.description())
                    .append('\n');
            out.append("               Display As: ").append(output.displayAs()).append('\n');
            output.defaultValue()
                    .filter(d -> !Boolean.FALSE.equals(d))
                    .ifPresent(d ->
                            out.append("            Default Value: ").append(d).append('\n'));
            out.append('\n');
        }
    }

    private static void data(StringBuilder out, Ddl ddl) {
        out.append("\nQUERY FUNCTION INPUT:\n\n");
        ActionDdl query = ddl.action("query").orElseThrow();
        InputItem input = query.inputs().get("query");
        if (input != null) {
            input(out, input, "");
        } else {
            out.append("    This plugin does not take any input\n");
        }
        out.append("\nQUERY FUNCTION OUTPUT:\n\n");
        outputs(out, query.outputs());
    }

    private static void discovery(StringBuilder out, Ddl ddl) {
        out.append("\nDISCOVERY METHOD CAPABILITIES:\n");
        for (List<String> cap : List.of(
                List.of("Filter based on configuration management classes", "classes"),
                List.of("Filter based on system facts", "facts"),
                List.of("Filter based on mcollective identity", "identity"),
                List.of("Filter based on mcollective agents", "agents"),
                List.of("Compound filters combining classes and facts", "compound"))) {
            if (ddl.capabilities().contains(cap.get(1))) {
                out.append("      ").append(cap.get(0)).append('\n');
            }
        }
        out.append('\n');
    }
}
