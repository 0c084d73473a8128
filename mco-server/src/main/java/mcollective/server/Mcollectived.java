package mcollective.server;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;
import mcollective.config.Config;
import mcollective.config.ConfigLocator;
import mcollective.config.ConfigParser;
import mcollective.plugin.PluginRegistry;

/**
 * The {@code mcollectived} daemon, in the foreground ({@code --no-daemonize}). Port of {@code /usr/sbin/mcollectived}:
 * reads the config, sets up logging, starts the embedded broker when {@code plugin.broker.embedded} asks for one,
 * starts the {@link Node} and runs until SIGTERM or SIGINT, then stops cleanly.
 */
public final class Mcollectived {
    static final String USAGE =
            "Usage: mcollectived [--config /path/to/config] [--pidfile /path/to/pid] [--daemonize | --no-daemonize]";

    private Mcollectived() {
    }

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
                case "--no-daemonize" -> { }
                case "--daemonize" -> err.println("mcollectived: --daemonize is not supported; running in the foreground");
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
            mcollective.logging.LogSetup.configure(config);
            return serve(config, pidFile);
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

    private static int serve(Config config, Optional<Path> pidFile) {
        Logger log = LoggerFactory.getLogger(Mcollectived.class);
        EmbeddedBrokerSupport broker = EmbeddedBrokerSupport.fromConfig(config);
        Node node = new Node(config, PluginRegistry.discover());
        node.onDeaf(reason -> System.exit(1)); // never alive but deaf: a supervisor starts the daemon afresh
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            log.info("Received a stop signal, shutting down");
            node.stop();
            broker.stop();
            pidFile.ifPresent(Mcollectived::deleteQuietly);
            stopped.countDown();
        }, "mcollectived-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            broker.start();
            pidFile.ifPresent(Mcollectived::writePid);
            node.start();
        } catch (RuntimeException e) {
            if (!"console".equals(config.loggerType())) {
                log.error("Failed to start: {}", e.getMessage());
            }
            System.err.println("mcollectived: " + e.getMessage());
            return 1;
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void writePid(Path file) {
        try {
            Files.writeString(file, ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new McollectiveException("Cannot write pidfile " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the process is exiting; a stale pidfile is all that is left
        }
    }

}
