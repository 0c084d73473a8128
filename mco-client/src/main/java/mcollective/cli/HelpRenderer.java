package mcollective.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Prints an application's help the way Ruby's OptionParser lays out {@code mco <app> --help}: the description,
 * then one section per option group, each option as {@code "    -g, --graph"} padded to 32 columns with the
 * description after it (or on the next line when the switches are longer), and the version footer.
 */
public final class HelpRenderer {
    private static final String INDENT = "    ";
    private static final int WIDTH = 32;

    private HelpRenderer() {}

    public static String render(Application app, CommandSpec spec) {
        StringBuilder out = new StringBuilder();
        for (String usage : app.usage()) {
            out.append("\nUsage: ").append(usage).append('\n');
        }
        out.append('\n').append(app.description()).append('\n');
        Map<String, CommandSpec> mixins = spec.mixins();
        for (String section : app.sections()) {
            List<OptionSpec> options = switch (section) {
                case "Application Options" -> applicationOptions(spec);
                case "RPC Options" -> optionsOf(mixins.get("rpc"));
                case "Common Options" -> optionsOf(mixins.get("common"));
                case "Host Filters" -> optionsOf(mixins.get("filter"));
                default -> List.of();
            };
            if (options.isEmpty()) {
                continue;
            }
            if (!section.equals("Application Options")) {
                out.append('\n');
            }
            out.append(section).append('\n');
            options.forEach(o -> line(out, o));
        }
        out.append('\n')
                .append("The Marionette Collective ")
                .append(mcollective.Version.VERSION)
                .append('\n');
        return out.toString();
    }

    private static List<OptionSpec> applicationOptions(CommandSpec spec) {
        return spec.options().stream()
                .filter(o -> spec.mixins().values().stream()
                        .noneMatch(m -> m.options().contains(o)))
                .filter(o -> !o.hidden())
                .sorted(Comparator.comparingInt(OptionSpec::order))
                .toList();
    }

    private static List<OptionSpec> optionsOf(CommandSpec mixin) {
        if (mixin == null) {
            return List.of();
        }
        return mixin.options().stream()
                .sorted(Comparator.comparingInt(OptionSpec::order))
                .toList();
    }

    private static void line(StringBuilder out, OptionSpec option) {
        String[] names = option.names();
        boolean hasShort = names[0].length() == 2 && !names[0].startsWith("--");
        StringBuilder left = new StringBuilder(hasShort ? "" : "    ");
        left.append(String.join(", ", names));
        if (option.arity().max() > 0) {
            left.append(' ').append(option.paramLabel());
        }
        String description = String.join(" ", option.description());
        out.append(INDENT);
        if (left.length() <= WIDTH) {
            out.append(String.format("%-" + WIDTH + "s %s", left, description));
        } else {
            out.append(left)
                    .append('\n')
                    .append(INDENT)
                    .append(" ".repeat(WIDTH))
                    .append(' ')
                    .append(description);
        }
        out.append('\n');
    }
}
