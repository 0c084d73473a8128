package mcollective.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;

import mcollective.McollectiveException;
import mcollective.spi.Plugin;

/**
 * An {@code mco} application ({@code mco <name> ...}), found with ServiceLoader and run as a subcommand of
 * {@link Mco}. Port of the contract of {@code lib/mcollective/application.rb}.
 *
 * <p>A subclass is a picocli {@code @Command} whose {@code name} is the word typed after {@code mco}, whose
 * {@code description} is the line {@code mco help} lists and whose {@code customSynopsis} lines are the
 * {@code Usage:} lines of its help. Its own {@code @Option}s are its "Application Options"; the shared sections
 * ({@link RpcOptions}, {@link CommonOptions}, {@link FilterOptions}) are mixed in here, less those the constructor
 * excludes, as {@code exclude_argument_sections} does in Ruby. Words that are no option are
 * {@link #arguments()}, as Ruby leaves them in {@code ARGV}.
 *
 * <p>One instance serves one invocation, on the main thread: picocli parses the command line into it, then calls
 * {@link #call()}, which loads the config and runs {@link #main(AppContext)}.
 *
 * <p>The registry makes it before the options name the config file, so {@link #init} sees the default settings;
 * {@link #main(AppContext)} brings the parsed ones.
 */
public abstract class Application implements Plugin, Callable<Integer> {
    private static final String HELP = "mcollective";

    /** The shared option sections, in the order help prints them after the application's own options. */
    public enum Section {
        RPC("rpc", "RPC Options"),
        COMMON("common", "Common Options"),
        FILTER("filter", "Host Filters");

        private final String mixin;
        private final String title;

        Section(String mixin, String title) {
            this.mixin = mixin;
            this.title = title;
        }

        /** The name of the section's mixin in {@link CommandSpec#mixins()}. */
        public String mixin() {
            return mixin;
        }

        /** The heading help prints above the section. */
        public String title() {
            return title;
        }
    }

    /** The "RPC Options" (with {@code -c}, {@code -v} and {@code -h}), which every application takes. */
    protected final RpcOptions rpc = new RpcOptions();

    /** The "Common Options"; left at their defaults when the application excludes {@link Section#COMMON}. */
    protected final CommonOptions common = new CommonOptions();

    /** The "Host Filters"; left at their defaults when the application excludes {@link Section#FILTER}. */
    protected final FilterOptions filter = new FilterOptions();

    private final Set<Section> sections;
    private final CommandSpec spec;
    private boolean described;
    private Mco mco;

    @Parameters(hidden = true)
    private List<String> arguments = new ArrayList<>();

    /**
     * An application taking every section except {@code excluded}. {@link Section#RPC} cannot be excluded: it
     * holds the options {@code optionparser.rb add_required_options} gives every application.
     */
    protected Application(Section... excluded) {
        EnumSet<Section> taken = EnumSet.allOf(Section.class);
        Arrays.asList(excluded).forEach(taken::remove);
        taken.add(Section.RPC);
        this.sections = Set.copyOf(taken);
        this.spec = CommandSpec.wrapWithoutInspection(this).name(name());
    }

    private Command command() {
        Command command = getClass().getAnnotation(Command.class);
        if (command == null || command.name().equals("<main class>")) {
            throw new McollectiveException(getClass().getName() + " has no @Command(name = ...)");
        }
        return command;
    }

    /** The word typed after {@code mco}: {@code @Command}'s name. */
    @Override
    public final String name() {
        return command().name();
    }

    /** The one-line description {@code mco help} lists: {@code @Command}'s description. */
    public final String description() {
        return String.join(" ", command().description());
    }

    /** The usage lines help prints above the options ({@code @Command}'s customSynopsis); may be empty. */
    public final List<String> usage() {
        return List.of(command().customSynopsis());
    }

    /** The words of the command line that are no option, in order (Ruby's {@code ARGV} after option parsing). */
    protected final List<String> arguments() {
        return arguments;
    }

    /**
     * This application's picocli model: its own options, the sections it takes as mixins, and MCollective's help
     * layout ({@link HelpRenderer}) as its usage message.
     */
    public final CommandSpec spec() {
        describe();
        return spec;
    }

    /**
     * This application as a subcommand of {@code mco}: its model holds only its name until {@link Mco} asks for
     * the rest ({@code describe()}), once picocli has matched that name, so a run reflects on one application.
     */
    final CommandSpec subcommandOf(Mco mco) {
        this.mco = mco;
        return spec;
    }

    /** Completes the model: reads the application's and the sections' annotations. Done once. */
    final void describe() {
        if (described) {
            return;
        }
        described = true;
        CommandSpec own = CommandSpec.forAnnotatedObject(this);
        own.options().forEach(spec::addOption);
        own.positionalParameters().forEach(spec::addPositional);
        Map<Section, Object> options = Map.of(Section.RPC, rpc, Section.COMMON, common, Section.FILTER, filter);
        for (Section section : Section.values()) {
            if (sections.contains(section)) {
                spec.addMixin(section.mixin(), CommandSpec.forAnnotatedObject(options.get(section)));
            }
        }
        spec.usageMessage().sectionKeys(List.of(HELP)).sectionMap().put(HELP, help -> HelpRenderer.render(this));
    }

    /** Runs {@link #main(AppContext)} with the context {@link Mco} makes from the parsed options. */
    @Override
    public final Integer call() {
        return main(mco.context(this));
    }

    /**
     * Runs the application after option parsing and returns the process exit code (MCollective's
     * {@code halt_code} where it applies, see {@link ExitCodes}). Throws {@link McollectiveException} for a
     * failure the user should read as one line.
     */
    protected abstract int main(AppContext context);
}
