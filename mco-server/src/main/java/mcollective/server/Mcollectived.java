package mcollective.server;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

import mcollective.McollectiveException;
import mcollective.config.Config;
import mcollective.config.ConfigLocator;
import mcollective.config.ConfigParser;
import mcollective.config.SettingPaths;
import mcollective.logback.LogSetup;
import mcollective.plugin.PluginRegistry;

/**
 * The {@code mcollectived} daemon, in the foreground ({@code --no-daemonize}). Port of {@code /usr/sbin/mcollectived}:
 * reads the config, sets up logging, starts the embedded broker when {@code plugin.broker.embedded} asks for one,
 * starts the {@link Node} and runs until SIGTERM or SIGINT, then stops cleanly (see {@link Daemon}). A bad option,
 * config file, {@code logfile} or start-up fails with one line {@code mcollectived: ...} on stderr and exit status 1.
 */
public final class Mcollectived {
    static final String USAGE =
            "Usage: mcollectived [--config /path/to/config] [--pidfile /path/to/pid] [--daemonize | --no-daemonize]";

    private Mcollectived() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Optional<Path> configFile = Optional.empty();
        Optional<Path> pidFile = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-c", "--config" -> configFile = Optional.of(Path.of(value(args, ++i, arg)));
                case "-p", "--pidfile" -> pidFile = Optional.of(Path.of(value(args, ++i, arg)));
                case "--no-daemonize" -> {}
                case "--daemonize" ->
                    err.println("mcollectived: --daemonize is not supported; running in the foreground");
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    if (arg.startsWith("--config=")) {
                        configFile = Optional.of(Path.of(arg.substring("--config=".length())));
                    } else if (arg.startsWith("--pidfile=")) {
                        pidFile = Optional.of(Path.of(arg.substring("--pidfile=".length())));
                    } else {
                        err.println("mcollectived: invalid option: " + arg);
                        err.println(USAGE);
                        return 1;
                    }
                }
            }
        }
        try {
            Path file = configFile.orElseGet(() -> new ConfigLocator().serverConfig());
            Config config = new ConfigParser().parse(file);
            if ("file".equals(config.loggerType())) {
                config.logfile().ifPresent(logfile -> SettingPaths.requireAppendable("logfile", logfile));
            }
            LogSetup.configure(config);
            return serve(config, pidFile, err);
        } catch (McollectiveException e) {
            err.println("mcollectived: " + e.getMessage());
            return 1;
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new McollectiveException("Option " + option + " needs a value");
        }
        return args[i];
    }

    private static int serve(Config config, Optional<Path> pidFile, PrintStream err) {
        EmbeddedBrokerSupport broker = EmbeddedBrokerSupport.fromConfig(config);
        Node node = new Node(config, PluginRegistry.discover());
        node.onDeaf(reason -> System.exit(1)); // never alive but deaf: a supervisor starts the daemon afresh
        return new Daemon(node, broker, pidFile, "console".equals(config.loggerType()), err)
                .run(() -> WeakSecrets.warn(config));
    }
}
