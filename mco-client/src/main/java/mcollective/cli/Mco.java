package mcollective.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Stack;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Unmatched;

import mcollective.McollectiveException;
import mcollective.Version;
import mcollective.config.Config;
import mcollective.config.ConfigLocator;
import mcollective.config.ConfigParser;
import mcollective.logback.LogSetup;
import mcollective.plugin.PluginRegistry;
import mcollective.spi.PluginContext;

/**
 * The {@code mco} command. Port of {@code /usr/bin/mco} and {@code lib/mcollective/applications.rb}: the root
 * picocli command, with every {@link Application} ServiceLoader finds as a subcommand. {@link #commandLine()} is
 * run with {@link CommandLine#execute}: an application's options (after those in {@code MCOLLECTIVE_EXTRA_OPTS})
 * are parsed into it, it loads the config ({@code -c} or the per-user lookup) and runs; without an application,
 * or with an unknown one, the root prints MCollective's banner. Every failure is one line on stderr, worded as
 * MCollective words it (OptionParser's wording for the command line), with MCollective's exit code
 * ({@link ExitCodes}).
 */
@Command(name = "mco")
public final class Mco implements Callable<Integer> {
    private final PluginRegistry registry;
    private final Stdin in;
    private final Map<String, String> env;
    private boolean configureLogging;
    private boolean terminal;
    private CommandLine commandLine;
    private List<String> extraOpts = List.of();

    /** What follows {@code mco} when it does not start with an application's name. */
    @Unmatched
    private List<String> words = new ArrayList<>();

    public Mco(PluginRegistry registry, Stdin in, Map<String, String> env) {
        this.registry = registry;
        this.in = in;
        this.env = Map.copyOf(env);
    }

    public static void main(String[] args) {
        Mco mco = new Mco(PluginRegistry.discover(), Stdin.system(), System.getenv());
        mco.configureLogging = true;
        mco.terminal = Stdin.isTerminal(1);
        CommandLine cmd = mco.commandLine().setOut(writerOn(System.out)).setErr(writerOn(System.err));
        int code = cmd.execute(args);
        cmd.getOut().flush();
        cmd.getErr().flush();
        System.exit(code);
    }

    /**
     * A writer that prints through {@code stream}, so text reaches the process's stream with its encoding and when
     * it would flush (at a newline, or when its small buffer is full), as the progress bar needs.
     */
    private static PrintWriter writerOn(PrintStream stream) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] text, int offset, int length) {
                stream.print(new String(text, offset, length));
            }

            @Override
            public void flush() {
                stream.flush();
            }

            @Override
            public void close() {
                stream.flush();
            }
        });
    }

    /**
     * The root command with one subcommand per application, MCollective's failure lines and exit codes, for
     * {@link CommandLine#execute}. It writes to {@link CommandLine#getOut()} and {@link CommandLine#getErr()},
     * which callers may set. Built once.
     */
    public CommandLine commandLine() {
        if (commandLine == null) {
            CommandLine root = new CommandLine(this);
            // /usr/bin/mco: anything but an application's name first is for the banner, not an error.
            root.setStopAtUnmatched(true);
            for (Application app : registry.createAll(Application.class, beforeConfig())) {
                root.addSubcommand(app.name(), app.subcommandOf(this).preprocessor(this::matched));
            }
            // optparse: an option given twice keeps the last value (MCOLLECTIVE_EXTRA_OPTS comes first).
            root.setOverwrittenOptionsAllowed(true);
            root.setExitCodeExceptionMapper(ExitCodes.MAPPER);
            root.setParameterExceptionHandler(this::rejected);
            root.setExecutionExceptionHandler((e, cmd, parsed) -> failed(e, cmd));
            commandLine = root;
        }
        return commandLine;
    }

    /**
     * picocli matched an application's name: its options are read now, and the words of
     * {@code MCOLLECTIVE_EXTRA_OPTS} go before the rest of the command line, as optparse's {@code environment}
     * parses them first.
     */
    private boolean matched(Stack<String> args, CommandSpec command, ArgSpec none, Map<String, Object> info) {
        ((Application) command.userObject()).describe();
        try {
            extraOpts = ConfigLocator.withExtraOpts(List.of(), env.get(ConfigLocator.EXTRA_OPTS_ENV));
        } catch (McollectiveException e) {
            throw new ParameterException(command.commandLine(), e.getMessage(), e);
        }
        for (int i = extraOpts.size() - 1; i >= 0; i--) {
            args.push(extraOpts.get(i));
        }
        return false;
    }

    /** {@code mco} without an application: the banner, with the list of applications. */
    @Override
    public Integer call() {
        // /usr/bin/mco: the first word is the command; only a --option there means "no command".
        Optional<String> unknown = words.stream().findFirst().filter(w -> !w.startsWith("--"));
        banner(unknown, unknown.isPresent() ? libdirs(words) : List.of());
        return unknown.isPresent() ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    /** What {@code app} runs with: the config its {@code -c} names (or the per-user lookup), and the streams. */
    AppContext context(Application app) {
        Path configFile = app.rpc.config().map(Path::of).orElseGet(() -> new ConfigLocator().clientConfig());
        Config config = new ConfigParser(env).parse(configFile);
        if (configureLogging) {
            LogSetup.configure(config);
        }
        CommandLine root = commandLine();
        return new AppContext(config, registry, root.getOut(), root.getErr(), in, env, terminal);
    }

    /** A command line picocli could not parse: optparse's one line, as {@code application_failure} prints it. */
    private int rejected(ParameterException e, String[] args) {
        List<String> parsed = new ArrayList<>(extraOpts);
        parsed.addAll(List.of(args));
        CommandLine cmd = e.getCommandLine();
        failureLine(cmd.getErr(), cmd.getCommandName(), false, OptparseMessages.of(e, parsed));
        return ExitCodes.MAPPER.getExitCode(e);
    }

    /** An application that threw: MCollective's failure line, and the backtrace with {@code -v}. */
    private int failed(Exception e, CommandLine cmd) throws Exception {
        if (!(e instanceof McollectiveException failure) || !(cmd.getCommand() instanceof Application app)) {
            throw e;
        }
        failure(cmd.getErr(), app.name(), app.rpc.verbose(), failure);
        return ExitCodes.MAPPER.getExitCode(e);
    }

    private static void failure(PrintWriter err, String app, boolean verbose, McollectiveException e) {
        failureLine(err, app, verbose, e.getMessage());
        if (verbose) {
            err.println();
            err.printf("%s (%s)%n", e.getMessage(), e.getClass().getSimpleName());
            for (StackTraceElement frame : e.getStackTrace()) {
                err.println("\tfrom " + frame);
            }
        }
    }

    /** Port of {@code application.rb application_failure}, without the colours. */
    private static void failureLine(PrintWriter err, String app, boolean verbose, String message) {
        err.println();
        err.printf(
                "The %s application failed to run%s: %s%n",
                app, verbose ? "" : ", use -v for full error backtrace details", message);
    }

    /** How the user invoked us ({@code $0}), as the launcher passes it; {@code mco} otherwise. */
    private static String program() {
        return System.getProperty("mco.program", "mco");
    }

    /** The libdirs of the config the arguments name, for the unknown-command message; empty if it won't load. */
    private List<String> libdirs(List<String> argv) {
        try {
            Path file = ConfigLocator.configFromArgs(argv, env.get(ConfigLocator.EXTRA_OPTS_ENV))
                    .map(Path::of)
                    .orElseGet(() -> new ConfigLocator().clientConfig());
            return new ConfigParser(env)
                    .parse(file).libdirs().stream().map(Path::toString).toList();
        } catch (McollectiveException e) {
            return List.of();
        }
    }

    /** {@code mco} with no or an unknown command. */
    private void banner(Optional<String> unknown, List<String> libdirs) {
        PrintWriter out = commandLine().getOut();
        List<String> names = new ArrayList<>(commandLine().getSubcommands().keySet());
        names.sort(null);
        out.println("The Marionette Collective version " + Version.VERSION);
        out.println();
        if (unknown.isPresent()) {
            out.println("Unknown command '" + unknown.get() + "', searched for applications in:");
            out.println();
            libdirs.forEach(l -> out.println("   " + l));
            out.println();
        } else {
            out.println("usage: " + program() + " command <options>");
            out.println();
        }
        out.println("Known commands:");
        out.println();
        for (int i = 0; i < names.size(); i += 3) {
            StringBuilder row = new StringBuilder("  ");
            for (int j = i; j < i + 3; j++) {
                // Ruby formats a short last row with nil, which pads like an empty name.
                row.append(String.format(" %-20s", j < names.size() ? names.get(j) : ""));
            }
            out.println(row);
        }
        out.println();
        out.println(
                "Type '" + program() + " help' for a detailed list of commands and '" + program() + " help command'");
        out.println("to get detailed help for a command");
        out.println();
    }

    /**
     * What an application is initialised with: it is made before its options name the config file, so every setting
     * is at its default (the identity is not the host's); {@link Application#main} brings the parsed config.
     */
    private PluginContext beforeConfig() {
        Config defaults = Config.builder().environment(env).hostname("mco").build();
        return new PluginContext(defaults, "mco", registry, Clock.systemUTC(), env, Map.of());
    }
}
