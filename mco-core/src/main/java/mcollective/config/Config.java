package mcollective.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port of lib/mcollective/config.rb: the parsed server or client configuration. Immutable and thread-safe;
 * created once by {@link ConfigParser} (or {@link #builder()}) and passed to whatever needs it.
 * Every getter returns the same object as {@link #get(ConfigKey)} for its key; no getter returns null.
 */
public final class Config {
    private final Map<ConfigKey, Object> values;
    private final Map<ConfigKey, String> raw;
    private final Map<String, Setting> pluginconf;
    private final Optional<Path> configFile;
    private final Map<String, String> environment;

    Config(
            Map<ConfigKey, Object> values,
            Map<ConfigKey, String> raw,
            Map<String, Setting> pluginconf,
            Optional<Path> configFile,
            Map<String, String> environment) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
        this.raw = Collections.unmodifiableMap(new EnumMap<>(raw));
        this.pluginconf = Collections.unmodifiableMap(new LinkedHashMap<>(pluginconf));
        this.configFile = configFile;
        this.environment = environment;
    }

    /** A builder that validates each setting as the parser does; for tests and programmatic use. */
    public static ConfigBuilder builder() {
        return new ConfigBuilder();
    }

    /** Every key at its default (identity = local host name), no file, no plugin settings. */
    public static Config defaults() {
        return builder().build();
    }

    /**
     * The typed value of a key: {@link String}, {@link Integer}, {@link Double}, {@link Boolean},
     * {@code List<String>}, {@code List<Path>} or {@link Path} as given by its {@link ValueType}, wrapped in an
     * {@link Optional} when {@link ConfigKey#isOptional()}. Never null.
     */
    public Object get(ConfigKey key) {
        return values.get(key);
    }

    /**
     * A setting by its Ruby name as config-file text, for {@code rpcutil#get_config_item}: a core key's text as
     * written (occurrences of libdir joined with the path separator, of default_discovery_options with commas) or
     * its default, or the value of a {@code plugin.*} key. Empty for unknown names and for unset keys without
     * a default.
     */
    public Optional<String> rawValue(String rubyKeyName) {
        if (rubyKeyName.startsWith("plugin.")) {
            return Optional.ofNullable(pluginconf.get(rubyKeyName.substring(7))).map(Setting::value);
        }
        return ConfigKey.byName(rubyKeyName).flatMap(k -> Optional.ofNullable(raw.get(k)));
    }

    /** The file this configuration was read from; empty for built configurations. */
    public Optional<Path> configFile() {
        return configFile;
    }

    /**
     * Every {@code plugin.*} setting without the {@code plugin.} prefix (e.g. {@code "psk.callertype"}), in file
     * order; unmodifiable.
     */
    public Map<String, String> pluginSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        pluginconf.forEach((k, v) -> out.put(k, v.value()));
        return Collections.unmodifiableMap(out);
    }

    /** A view over {@code plugin.<name>.*} (and {@code plugin.<name>} itself). */
    public PluginConfig plugin(String name) {
        return new PluginConfig(name, pluginconf);
    }

    /** The process environment the configuration was read with (System.getenv() unless injected); unmodifiable. */
    public Map<String, String> environment() {
        return environment;
    }

    /** One environment variable, e.g. {@code MCOLLECTIVE_PSK}, which plugins let override their settings. */
    public Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name));
    }

    /** {@code identity}: this node's name. */
    public String identity() {
        return string(ConfigKey.IDENTITY);
    }

    /** {@code collectives}. */
    public List<String> collectives() {
        return list(ConfigKey.COLLECTIVES);
    }

    /** {@code main_collective}; defaults to "mcollective", never to the first of {@code collectives}. */
    public String mainCollective() {
        return string(ConfigKey.MAIN_COLLECTIVE);
    }

    /** {@code libdir} entries in the order written. */
    public List<Path> libdirs() {
        return list(ConfigKey.LIBDIR);
    }

    /** {@code logger_type}: file, console or syslog. */
    public String loggerType() {
        return string(ConfigKey.LOGGER_TYPE);
    }

    /** {@code logfile}. */
    public Optional<Path> logfile() {
        return optional(ConfigKey.LOGFILE);
    }

    /** {@code loglevel}: debug, info, warn, error or fatal. */
    public String loglevel() {
        return string(ConfigKey.LOGLEVEL);
    }

    /** {@code logfacility}. */
    public String logfacility() {
        return string(ConfigKey.LOGFACILITY);
    }

    /** {@code keeplogs}. */
    public int keeplogs() {
        return integer(ConfigKey.KEEPLOGS);
    }

    /** {@code max_log_size} in bytes. */
    public int maxLogSize() {
        return integer(ConfigKey.MAX_LOG_SIZE);
    }

    /** {@code daemonize}. */
    public boolean daemonize() {
        return bool(ConfigKey.DAEMONIZE);
    }

    /** {@code connector}, lower-cased plugin name. */
    public String connector() {
        return string(ConfigKey.CONNECTOR);
    }

    /** {@code securityprovider}, lower-cased plugin name. */
    public String securityProvider() {
        return string(ConfigKey.SECURITYPROVIDER);
    }

    /** {@code factsource}, lower-cased plugin name. */
    public String factSource() {
        return string(ConfigKey.FACTSOURCE);
    }

    /** {@code fact_cache_time} in seconds. */
    public int factCacheTime() {
        return integer(ConfigKey.FACT_CACHE_TIME);
    }

    /** {@code classesfile}. */
    public Path classesFile() {
        return (Path) values.get(ConfigKey.CLASSESFILE);
    }

    /** {@code registration}, lower-cased plugin name. */
    public String registration() {
        return string(ConfigKey.REGISTRATION);
    }

    /** {@code registerinterval} in seconds, 0 = off. */
    public int registerInterval() {
        return integer(ConfigKey.REGISTERINTERVAL);
    }

    /** {@code registration_splay}. */
    public boolean registrationSplay() {
        return bool(ConfigKey.REGISTRATION_SPLAY);
    }

    /** {@code registration_collective}; empty means main_collective. */
    public Optional<String> registrationCollective() {
        return optional(ConfigKey.REGISTRATION_COLLECTIVE);
    }

    /** {@code rpcaudit}. */
    public boolean rpcaudit() {
        return bool(ConfigKey.RPCAUDIT);
    }

    /** {@code rpcauditprovider}, lower-cased plugin name. */
    public Optional<String> rpcauditprovider() {
        return optional(ConfigKey.RPCAUDITPROVIDER);
    }

    /** {@code rpcauthorization}. */
    public boolean rpcauthorization() {
        return bool(ConfigKey.RPCAUTHORIZATION);
    }

    /** {@code rpcauthprovider}, lower-cased plugin name (e.g. {@code action_policy}). */
    public Optional<String> rpcauthprovider() {
        return optional(ConfigKey.RPCAUTHPROVIDER);
    }

    /** {@code rpclimitmethod}: first or random. */
    public String rpclimitmethod() {
        return string(ConfigKey.RPCLIMITMETHOD);
    }

    /** {@code direct_addressing}. */
    public boolean directAddressing() {
        return bool(ConfigKey.DIRECT_ADDRESSING);
    }

    /** {@code direct_addressing_threshold}. */
    public int directAddressingThreshold() {
        return integer(ConfigKey.DIRECT_ADDRESSING_THRESHOLD);
    }

    /** {@code ttl} in seconds. */
    public int ttl() {
        return integer(ConfigKey.TTL);
    }

    /** {@code discovery_timeout} in seconds; empty means the discovery plugin's own. */
    public Optional<Integer> discoveryTimeout() {
        return optional(ConfigKey.DISCOVERY_TIMEOUT);
    }

    /** {@code publish_timeout} in seconds. */
    public int publishTimeout() {
        return integer(ConfigKey.PUBLISH_TIMEOUT);
    }

    /** {@code connection_timeout} in seconds; empty means wait forever. */
    public Optional<Integer> connectionTimeout() {
        return optional(ConfigKey.CONNECTION_TIMEOUT);
    }

    /** {@code threaded}. */
    public boolean threaded() {
        return bool(ConfigKey.THREADED);
    }

    /** {@code default_discovery_method}. */
    public String defaultDiscoveryMethod() {
        return string(ConfigKey.DEFAULT_DISCOVERY_METHOD);
    }

    /** {@code default_discovery_options}, one item per line written. */
    public List<String> defaultDiscoveryOptions() {
        return list(ConfigKey.DEFAULT_DISCOVERY_OPTIONS);
    }

    /** {@code default_batch_size}, 0 = no batching. */
    public int defaultBatchSize() {
        return integer(ConfigKey.DEFAULT_BATCH_SIZE);
    }

    /** {@code default_batch_sleep_time} in seconds. */
    public double defaultBatchSleepTime() {
        return (Double) values.get(ConfigKey.DEFAULT_BATCH_SLEEP_TIME);
    }

    /** {@code color}. */
    public boolean color() {
        return bool(ConfigKey.COLOR);
    }

    /** {@code ssl_cipher}. */
    public String sslCipher() {
        return string(ConfigKey.SSL_CIPHER);
    }

    /** {@code soft_shutdown}. */
    public boolean softShutdown() {
        return bool(ConfigKey.SOFT_SHUTDOWN);
    }

    /** {@code soft_shutdown_timeout} in seconds; empty means no limit. */
    public Optional<Integer> softShutdownTimeout() {
        return optional(ConfigKey.SOFT_SHUTDOWN_TIMEOUT);
    }

    /** {@code activate_agents}. */
    public boolean activateAgents() {
        return bool(ConfigKey.ACTIVATE_AGENTS);
    }

    /** {@code replay_protection}: whether a node refuses a request id it accepted before, within its TTL. */
    public boolean replayProtection() {
        return bool(ConfigKey.REPLAY_PROTECTION);
    }

    /** {@code max_clock_skew} in seconds; 0 or less turns the check off. */
    public int maxClockSkew() {
        return integer(ConfigKey.MAX_CLOCK_SKEW);
    }

    private String string(ConfigKey k) {
        return (String) values.get(k);
    }

    private int integer(ConfigKey k) {
        return (Integer) values.get(k);
    }

    private boolean bool(ConfigKey k) {
        return (Boolean) values.get(k);
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> list(ConfigKey k) {
        return (List<T>) values.get(k);
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> optional(ConfigKey k) {
        return (Optional<T>) values.get(k);
    }

    @Override
    public String toString() {
        return "Config[" + configFile.map(Path::toString).orElse("built") + ", identity=" + identity() + "]";
    }
}
