package mcollective.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds a {@link Config} from {@code key = value} pairs given in code, converted and validated exactly as
 * {@link ConfigParser} does for lines of a file (errors name {@code Config.builder():<n>}, n counting
 * the accepted {@code set} calls).
 * Example: {@code Config.builder().set("identity", "n1").set("plugin.psk", "x").build()}.
 * Mutable and not thread-safe; {@link #build()} may be called more than once.
 */
public final class ConfigBuilder {
    static final String SOURCE = "Config.builder()";

    private final ConfigAssembler assembler = new ConfigAssembler(SOURCE);
    private int count;
    private Map<String, String> environment = System.getenv();
    private Supplier<String> hostname = ConfigAssembler::localHostname;
    private Optional<Path> configFile = Optional.empty();

    ConfigBuilder() {}

    /**
     * Adds one setting, as the line {@code key = value} would. Accumulating keys (libdir,
     * default_discovery_options) accumulate; other keys are overridden by a later call.
     *
     * @param key   a core key, a deprecated key or a {@code plugin.*} key; not null
     * @param value the value text; not null
     * @throws ConfigException at once when the key is unknown or the value does not convert
     */
    public ConfigBuilder set(String key, String value) {
        assembler.accept(key, new Setting(value, SOURCE, count + 1));
        count++;
        return this;
    }

    /** {@link #set(String, String)} by {@link ConfigKey}. */
    public ConfigBuilder set(ConfigKey key, String value) {
        return set(key.rubyName(), value);
    }

    /** The environment plugins will see through {@link Config#env(String)}; defaults to System.getenv(). */
    public ConfigBuilder environment(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        return this;
    }

    /** The host name used as the default identity; defaults to the local host name. */
    public ConfigBuilder hostname(String hostname) {
        this.hostname = () -> hostname;
        return this;
    }

    /** The file the configuration claims to come from ({@link Config#configFile()}); no file is read. */
    public ConfigBuilder configFile(Path file) {
        this.configFile = Optional.of(file);
        return this;
    }

    /**
     * The configuration.
     *
     * @throws ConfigException when a whole-configuration check fails, e.g. an identity that is not {@code [\w.-]+}
     */
    public Config build() {
        return assembler.build(configFile, environment, hostname);
    }
}
