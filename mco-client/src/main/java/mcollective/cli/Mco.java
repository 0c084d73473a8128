package mcollective.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import mcollective.McollectiveException;
import mcollective.Version;
import mcollective.config.Config;
import mcollective.config.ConfigLocator;
import mcollective.config.ConfigParser;
import mcollective.plugin.PluginRegistry;
import mcollective.spi.PluginContext;

/**
 * The {@code mco} command. Port of {@code /usr/bin/mco} and {@code lib/mcollective/applications.rb}: finds the
 * application named by the first word, parses its options (plus {@code MCOLLECTIVE_EXTRA_OPTS}), loads the config
 * ({@code -c} or the per-user lookup) and runs it, turning every failure into one line and MCollective's exit code.
 */
public final class Mco {
    private final PluginRegistry registry;
    private final PrintStream out;
    private final PrintStream err;
    private final Stdin in;
    private final Map<String, String> env;
    private boolean configureLogging;
    private boolean terminal;

    public Mco(PluginRegistry registry, PrintStream out, PrintStream err, Stdin in, Map<String, String> env) {
        this.registry = registry;
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = Map.copyOf(env);
    }

    public static void main(String[] args) {
        Mco mco = new Mco(PluginRegistry.discover(), System.out, System.err, Stdin.system(), System.getenv());
        mco.configureLogging = true;
        mco.terminal = Stdin.isTerminal(1);
        int code = mco.run(args);
        System.out.flush();
        System.exit(code);
    }

    /** Runs {@code mco args...} and returns the exit code. */
    public int run(String... argv) {
        List<String> names = registry.names(Application.class);
        // /usr/bin/mco: the first word is the command; only a --option there means "no command".
        if (argv.length == 0 || argv[0].startsWith("--")) {
            banner(names, Optional.empty(), List.of());
            return 0;
        }
        String name = argv[0];
        if (!names.contains(name)) {
            banner(names, Optional.of(name), libdirs(argv));
            return 1;
        }
        Application app = registry.create(Application.class, name, beforeConfig());
        List<String> args = ConfigLocator.withExtraOpts(
                List.of(argv).subList(1, argv.length), env.get(ConfigLocator.EXTRA_OPTS_ENV));
        CommandLine cli = new CommandLine(app);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        try {
            cli.parseArgs(args.toArray(String[]::new));
        } catch (ParameterException e) {
            err.println(e.getMessage());
            err.println();
            err.println("Please run with --help for detailed help");
            return 1;
        }
        if (cli.isUsageHelpRequested()) {
            out.print(HelpRenderer.render(app, cli.getCommandSpec()));
            return 0;
        }
        boolean verbose = cli.getCommandSpec().mixins().containsKey("rpc")
                && ((RpcOptions) cli.getCommandSpec().mixins().get("rpc").userObject()).verbose();
        try {
            Optional<String> configOption = cli.getCommandSpec().mixins().containsKey("rpc")
                    ? ((RpcOptions) cli.getCommandSpec().mixins().get("rpc").userObject()).config()
                    : Optional.empty();
            Path configFile = configOption.map(Path::of).orElseGet(() -> new ConfigLocator().clientConfig());
            Config config = new ConfigParser(env).parse(configFile);
            if (configureLogging) {
                mcollective.logback.LogSetup.configure(config);
            }
            return app.main(new AppContext(config, registry, out, err, in, env, terminal));
        } catch (McollectiveException e) {
            err.println();
            err.printf(
                    "The %s application failed to run%s: %s%n",
                    name, verbose ? "" : ", use -v for full error backtrace details", e.getMessage());
            if (verbose) {
                err.println();
                err.printf("%s (%s)%n", e.getMessage(), e.getClass().getSimpleName());
                for (StackTraceElement frame : e.getStackTrace()) {
                    err.println("\tfrom " + frame);
                }
            }
            return 1;
        }
    }

    /**
     * What an application is initialised with: it is made before its options name the config file, so every setting
     * is at its default (the identity is not the host's); {@link Application#main} brings the parsed config.
     */
    private PluginContext beforeConfig() {
        Config defaults = Config.builder().environment(env).hostname("mco").build();
        return new PluginContext(defaults, "mco", registry, Clock.systemUTC(), env, Map.of());
    }

    /** How the user invoked us ({@code $0}), as the launcher passes it; {@code mco} otherwise. */
    private static String program() {
        return System.getProperty("mco.program", "mco");
    }

    /** The libdirs of the config the arguments name, for the unknown-command message; empty if it won't load. */
    private List<String> libdirs(String[] argv) {
        try {
            Path file = ConfigLocator.configFromArgs(List.of(argv), env.get(ConfigLocator.EXTRA_OPTS_ENV))
                    .map(Path::of)
                    .orElseGet(() -> new ConfigLocator().clientConfig());
            return new ConfigParser(env)
                    .parse(file).libdirs().stream().map(Path::toString).toList();
        } catch (McollectiveException e) {
            return List.of();
        }
    }

    /** {@code mco} with no or an unknown command (CLI-2). */
    private void banner(List<String> names, Optional<String> unknown, List<String> libdirs) {
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
}
