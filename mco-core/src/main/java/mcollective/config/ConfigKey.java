package mcollective.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Port of the key list in lib/mcollective/config.rb: every core key the Ruby parser accepts, declared once with
 * its Ruby name, {@link ValueType}, default (as config-file text) and a one-line description. Keys starting with
 * {@code plugin.} are not listed: they are free-form and read through {@link PluginConfig}.
 */
public enum ConfigKey {
    MAIN_COLLECTIVE(
            "main_collective",
            ValueType.STRING,
            "mcollective",
            "Collective used when a request names none; not derived from collectives (quirk Q-8)"),
    COLLECTIVES("collectives", ValueType.LIST, "mcollective", "Sub-collectives the node subscribes to"),
    IDENTITY("identity", ValueType.STRING, null, "Node name used in filters and replies; must match ^[\\w.-]+$"),
    LIBDIR(
            "libdir",
            ValueType.PATH_LIST,
            null,
            "Plugin search roots; absolute, ':'-separated, repeatable; later entries are searched first"),
    LOGGER_TYPE("logger_type", ValueType.ENUM, "file", "Logger plugin", "file", "console", "syslog"),
    LOGFILE(
            "logfile",
            ValueType.PATH,
            null,
            "Log file of the file logger; mcollectived refuses to start if it is a directory or cannot be written"),
    LOGLEVEL("loglevel", ValueType.ENUM, "info", "Lowest level logged", "debug", "info", "warn", "error", "fatal"),
    LOGFACILITY("logfacility", ValueType.STRING, "user", "Syslog facility of the syslog logger"),
    KEEPLOGS("keeplogs", ValueType.INT, "5", "Rotated log files kept by the file logger"),
    MAX_LOG_SIZE("max_log_size", ValueType.INT, "2097152", "Size in bytes at which the file logger rotates"),
    DAEMONIZE("daemonize", ValueType.BOOL, "false", "Server: detach from the terminal (--daemonize overrides)"),
    CONNECTOR("connector", ValueType.PLUGIN_NAME, "activemq", "Middleware connector plugin"),
    SECURITYPROVIDER("securityprovider", ValueType.PLUGIN_NAME, "psk", "Security plugin"),
    FACTSOURCE("factsource", ValueType.PLUGIN_NAME, "yaml", "Server: facts plugin"),
    FACT_CACHE_TIME("fact_cache_time", ValueType.INT, "300", "Server: seconds facts are cached"),
    CLASSESFILE(
            "classesfile",
            ValueType.PATH,
            "/var/lib/puppet/state/classes.txt",
            "Server: file listing one configuration-management class per line (-C filters); may be missing, "
                    + "but one that is a directory or unreadable stops start-up"),
    REGISTRATION("registration", ValueType.PLUGIN_NAME, "agentlist", "Server: registration plugin"),
    REGISTERINTERVAL("registerinterval", ValueType.INT, "0", "Server: seconds between registration messages, 0 = off"),
    REGISTRATION_SPLAY(
            "registration_splay",
            ValueType.BOOL,
            "false",
            "Server: wait a random part of registerinterval before the first registration"),
    REGISTRATION_COLLECTIVE(
            "registration_collective",
            ValueType.STRING,
            null,
            "Server: collective registration messages go to (default main_collective)"),
    RPCAUDIT("rpcaudit", ValueType.BOOL, "false", "Server: audit every RPC request"),
    RPCAUDITPROVIDER("rpcauditprovider", ValueType.PLUGIN_NAME, null, "Server: audit plugin, e.g. logfile"),
    RPCAUTHORIZATION("rpcauthorization", ValueType.BOOL, "false", "Server: authorize every RPC request"),
    RPCAUTHPROVIDER("rpcauthprovider", ValueType.PLUGIN_NAME, null, "Server: authorization plugin, e.g. action_policy"),
    RPCLIMITMETHOD("rpclimitmethod", ValueType.ENUM, "first", "Client: how --limit picks nodes", "first", "random"),
    DIRECT_ADDRESSING("direct_addressing", ValueType.BOOL, "true", "Use point-to-point (directed) queues"),
    DIRECT_ADDRESSING_THRESHOLD(
            "direct_addressing_threshold", ValueType.INT, "10", "Client: largest node list sent as a direct request"),
    TTL("ttl", ValueType.INT, "60", "Client: seconds a request stays valid"),
    DISCOVERY_TIMEOUT(
            "discovery_timeout",
            ValueType.INT,
            null,
            "Client: discovery timeout in seconds (default: the discovery plugin's DDL timeout)"),
    PUBLISH_TIMEOUT("publish_timeout", ValueType.INT, "2", "Client: seconds allowed for publishing a request"),
    CONNECTION_TIMEOUT(
            "connection_timeout",
            ValueType.INT,
            null,
            "Client: seconds allowed to connect to the middleware (default: forever)"),
    THREADED("threaded", ValueType.BOOL, "false", "Client: threaded client"),
    DEFAULT_DISCOVERY_METHOD("default_discovery_method", ValueType.STRING, "mc", "Client: discovery plugin"),
    DEFAULT_DISCOVERY_OPTIONS(
            "default_discovery_options",
            ValueType.REPEATABLE_STRING,
            null,
            "Client: options for the discovery plugin; repeatable, each line adds one"),
    DEFAULT_BATCH_SIZE("default_batch_size", ValueType.INT, "0", "Client: nodes per batch, 0 = no batching"),
    DEFAULT_BATCH_SLEEP_TIME("default_batch_sleep_time", ValueType.FLOAT, "1", "Client: seconds between batches"),
    COLOR("color", ValueType.BOOL, null, "Client: ANSI colours in output (default true except on Windows)"),
    SSL_CIPHER("ssl_cipher", ValueType.STRING, "aes-256-cbc", "Cipher of the SSL/AES helper"),
    SOFT_SHUTDOWN(
            "soft_shutdown",
            ValueType.BOOL,
            "false",
            "Server: on SIGTERM/SIGINT stop taking requests and let running ones reply before disconnecting"),
    SOFT_SHUTDOWN_TIMEOUT(
            "soft_shutdown_timeout",
            ValueType.INT,
            null,
            "Server: seconds soft shutdown waits at most (default: until each running agent ends or times out); "
                    + "0 or less: warned about, no soft shutdown"),
    ACTIVATE_AGENTS("activate_agents", ValueType.BOOL, "true", "Server: agents are active unless configured off"),
    REPLAY_PROTECTION(
            "replay_protection",
            ValueType.BOOL,
            "true",
            "Server (not in Ruby): refuse a second copy of a request id accepted within its TTL"),
    MAX_CLOCK_SKEW(
            "max_clock_skew",
            ValueType.INT,
            "60",
            "Server (not in Ruby): refuse a request whose msgtime is more seconds than this ahead of the node's "
                    + "clock; 0 = off");

    /** Keys Ruby still accepts but ignores, with the warning {@code Use of deprecated '<key>' option. ...}. */
    public static final Set<String> DEPRECATED_NAMES =
            Set.of("topicprefix", "topicsep", "queueprefix", "rpchelptemplate", "helptemplatedir");

    private static final Map<String, ConfigKey> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ConfigKey::rubyName, Function.identity()));

    private final String rubyName;
    private final ValueType type;
    private final String defaultText;
    private final String description;
    private final List<String> allowedValues;

    ConfigKey(String rubyName, ValueType type, String defaultText, String description, String... allowed) {
        this.rubyName = rubyName;
        this.type = type;
        this.defaultText = defaultText;
        this.description = description;
        this.allowedValues = List.of(allowed);
    }

    /** The key exactly as written in the config file, e.g. {@code "registerinterval"}. */
    public String rubyName() {
        return rubyName;
    }

    /** How the value text is converted. */
    public ValueType type() {
        return type;
    }

    /**
     * The fixed default as config-file text; empty for keys without a default, for accumulating keys (their default
     * is the empty list) and for the computed defaults of {@link #IDENTITY} (the host name) and {@link #COLOR}.
     */
    public Optional<String> defaultText() {
        return Optional.ofNullable(defaultText);
    }

    /** The default for people: the fixed default, or a description of a computed or absent one. */
    public String documentedDefault() {
        if (this == IDENTITY) {
            return "(local host name)";
        }
        if (this == COLOR) {
            return "true (false on Windows)";
        }
        if (type.accumulates()) {
            return "(empty)";
        }
        return defaultText == null ? "(none)" : defaultText;
    }

    /** One-line description, never null. */
    public String description() {
        return description;
    }

    /** For {@link ValueType#ENUM} keys the accepted values in Ruby's spelling; empty otherwise. */
    public List<String> allowedValues() {
        return allowedValues;
    }

    /** True when the key has no default value, so its typed value is an {@link Optional}. */
    public boolean isOptional() {
        return defaultText == null && !type.accumulates() && this != IDENTITY && this != COLOR;
    }

    /**
     * The key with that Ruby name (case-sensitive, as in Ruby); empty for unknown, deprecated and
     * {@code plugin.*} names.
     */
    public static Optional<ConfigKey> byName(String rubyName) {
        return Optional.ofNullable(BY_NAME.get(rubyName));
    }
}
