package mcollective.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Port of how the config file is chosen: {@code Util.config_file_for_user} (lib/mcollective/util.rb), the search in
 * {@code /usr/sbin/mcollectived}, and the {@code -c/--config} pre-parse of {@code Applications.load_config}
 * (lib/mcollective/applications.rb). Immutable and thread-safe.
 */
public final class ConfigLocator {
    /** Name of the environment variable holding extra command line options for every {@code mco} application. */
    public static final String EXTRA_OPTS_ENV = "MCOLLECTIVE_EXTRA_OPTS";
    /** Server files searched, first readable wins, else the first. */
    public static final List<Path> SERVER_CONFIGS =
            List.of(Path.of("/etc/puppetlabs/mcollective/server.cfg"), Path.of("/etc/mcollective/server.cfg"));
    /** Client system files searched after {@code ~/.mcollective}. */
    public static final List<Path> CLIENT_CONFIGS =
            List.of(Path.of("/etc/puppetlabs/mcollective/client.cfg"), Path.of("/etc/mcollective/client.cfg"));

    private static final Logger LOG = LoggerFactory.getLogger(ConfigLocator.class);

    private final Optional<Path> home;
    private final Predicate<Path> readable;

    /** A locator over the real file system and the {@code user.home} directory. */
    public ConfigLocator() {
        this(
                Optional.ofNullable(System.getProperty("user.home"))
                        .filter(h -> !h.isEmpty())
                        .map(Path::of),
                Files::isReadable);
    }

    /**
     * A locator for tests.
     *
     * @param home     the user's home directory; empty when unknown (Ruby then skips {@code ~/.mcollective})
     * @param readable decides whether a candidate file is readable
     */
    public ConfigLocator(Optional<Path> home, Predicate<Path> readable) {
        this.home = home;
        this.readable = readable;
    }

    /** The server configuration file {@code mcollectived} reads when not given {@code -c}. */
    public Path serverConfig() {
        return firstReadable(SERVER_CONFIGS);
    }

    /** The files {@code mco} considers, in order: {@code ~/.mcollective} (when home is known), then the system ones. */
    public List<Path> clientCandidates() {
        List<Path> candidates = new ArrayList<>();
        home.ifPresent(h -> candidates.add(h.resolve(".mcollective")));
        candidates.addAll(CLIENT_CONFIGS);
        return List.copyOf(candidates);
    }

    /** The client configuration file: the first readable candidate, or else the first candidate. */
    public Path clientConfig() {
        return firstReadable(clientCandidates());
    }

    /**
     * The client file {@code mco} reads for this command line: {@code -c/--config} from argv or from
     * {@code MCOLLECTIVE_EXTRA_OPTS}, else {@link #clientConfig()}.
     */
    public Path clientConfig(List<String> argv, String extraOptsEnv) {
        return configFromArgs(argv, extraOptsEnv).map(Path::of).orElseGet(this::clientConfig);
    }

    private Path firstReadable(List<Path> candidates) {
        return candidates.stream().filter(readable).findFirst().orElse(candidates.get(0));
    }

    /**
     * The config file named on the command line, found as {@code Applications.load_config} does before any
     * application is loaded: only {@code -c FILE}, {@code -cFILE}, {@code --config FILE}, {@code --config=FILE}
     * (and unambiguous abbreviations such as {@code --conf}) are looked at, every other word is skipped. The first
     * config option in {@code MCOLLECTIVE_EXTRA_OPTS} is read first, so one in argv wins; in argv the last wins.
     * A malformed {@code MCOLLECTIVE_EXTRA_OPTS} is logged and ignored, as in Ruby.
     *
     * @param argv         the command line after the application name; not null
     * @param extraOptsEnv the value of {@code MCOLLECTIVE_EXTRA_OPTS}, null when unset
     * @throws ConfigException {@code missing argument: -c} when the option is last on the command line
     */
    public static Optional<String> configFromArgs(List<String> argv, String extraOptsEnv) {
        Optional<String> fromArgv = ArgvScanner.config(argv);
        return fromArgv.isPresent() ? fromArgv : configFromExtraOpts(extraOptsEnv);
    }

    private static Optional<String> configFromExtraOpts(String extraOptsEnv) {
        if (extraOptsEnv == null) {
            return Optional.empty();
        }
        try {
            return ArgvScanner.config(ArgvScanner.filterExtraOptions(ShellWords.split(extraOptsEnv)));
        } catch (ConfigException e) {
            LOG.error("Failed to parse {}: {}", EXTRA_OPTS_ENV, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The command line an application's option parser should see: the words of {@code MCOLLECTIVE_EXTRA_OPTS},
     * split like a shell, followed by argv. Ruby's OptionParser#environment parses those words before argv, so
     * placing them first lets argv override them. Unlike Ruby, non-option words in the variable are not dropped.
     *
     * @param argv         the command line after the application name; not null
     * @param extraOptsEnv the value of {@code MCOLLECTIVE_EXTRA_OPTS}, null when unset
     * @throws ConfigException {@code Failed to parse MCOLLECTIVE_EXTRA_OPTS: Unmatched quote: ...}
     */
    public static List<String> withExtraOpts(List<String> argv, String extraOptsEnv) {
        List<String> all = new ArrayList<>();
        if (extraOptsEnv != null) {
            try {
                all.addAll(ShellWords.split(extraOptsEnv));
            } catch (ConfigException e) {
                throw new ConfigException("Failed to parse " + EXTRA_OPTS_ENV + ": " + e.getMessage(), e);
            }
        }
        all.addAll(argv);
        return List.copyOf(all);
    }
}
