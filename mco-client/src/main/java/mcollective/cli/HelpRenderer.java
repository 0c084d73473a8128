package mcollective.cli;

import java.util.Comparator;
import java.util.List;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import mcollective.Version;
import mcollective.cli.Application.Section;

/**
 * Prints an application's help the way Ruby's OptionParser lays out {@code mco <app> --help}: the usage lines,
 * the description, then the application's own options and one section per shared option group it takes, each
 * option as {@code "    -g, --graph"} padded to 32 columns with the description after it (or on the next line when
 * the switches are longer), and the version footer. {@code Application.describe()} makes it the application's
 * picocli usage message.
 */
public final class HelpRenderer {
    private static final String INDENT = "    ";
    private static final int WIDTH = 32;

    private HelpRenderer() {}

    /** The help of {@code app}: its usage lines, description, own options and the sections it takes. */
    public static String render(Application app) {
        CommandSpec spec = app.spec();
        StringBuilder out = new StringBuilder();
        for (String usage : app.usage()) {
            out.append("\nUsage: ").append(usage).append('\n');
        }
        out.append('\n').append(app.description()).append('\n');
        List<OptionSpec> own = applicationOptions(spec);
        if (!own.isEmpty()) {
            out.append("Application Options").append('\n');
            own.forEach(o -> line(out, o));
        }
        for (Section section : Section.values()) {
            List<OptionSpec> options = optionsOf(spec.mixins().get(section.mixin()));
            if (!options.isEmpty()) {
                out.append('\n').append(section.title()).append('\n');
                options.forEach(o -> line(out, o));
            }
        }
        out.append('\n')
                .append("The Marionette Collective ")
                .append(Version.VERSION)
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
