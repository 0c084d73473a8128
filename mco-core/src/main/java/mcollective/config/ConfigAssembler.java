package mcollective.config;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Port of the key handling of lib/mcollective/config.rb ({@code loadconfig} and {@code set_config_defaults}):
 * takes {@code key = value} settings one at a time, converts and validates each, then builds the {@link Config}.
 * Shared by {@link ConfigParser} and {@link ConfigBuilder}. Single use, not thread-safe.
 */
final class ConfigAssembler {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigAssembler.class);
    private static final Pattern IDENTITY = Pattern.compile("^[\\w.\\-]+$");
    private static final Path LINUX_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    private final String sourceName;
    private final Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);
    private final Map<ConfigKey, String> raw = new EnumMap<>(ConfigKey.class);
    private final Map<ConfigKey, Setting> origins = new EnumMap<>(ConfigKey.class);
    private final Map<String, Setting> pluginconf = new LinkedHashMap<>();

    ConfigAssembler(String sourceName) {
        this.sourceName = sourceName;
    }

    /** One {@code key = value} from the main file, in file order; changes nothing when it throws. */
    void accept(String key, Setting setting) {
        // Ruby matches /^plugin.(.+)$/: any one character after "plugin", and at least one after that
        if (key.length() > "plugin.".length() && key.startsWith("plugin")) {
            if (key.charAt(6) != '.') {
                LOG.warn(
                        "{}:{}: '{}' is read as plugin setting '{}' as Ruby MCollective does",
                        setting.source(),
                        setting.line(),
                        key,
                        key.substring(7));
            }
            pluginconf.put(key.substring(7), setting);
            return;
        }
        if (ConfigKey.DEPRECATED_NAMES.contains(key)) {
            LOG.warn(
                    "Use of deprecated '{}' option.  This option is ignored and should be removed from '{}'",
                    key,
                    setting.source());
            return;
        }
        ConfigKey k = ConfigKey.byName(key).orElseThrow(() -> setting.error("Unknown config parameter '" + key + "'"));
        Object value = convert(k, setting);
        origins.put(k, setting);
        switch (k.type()) {
            case PATH_LIST, REPEATABLE_STRING -> {
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) values.computeIfAbsent(k, x -> new ArrayList<>());
                list.addAll((List<?>) value);
                String separator = k.type() == ValueType.PATH_LIST ? File.pathSeparator : ",";
                raw.merge(k, setting.value(), (a, b) -> a + separator + b);
            }
            default -> {
                values.put(k, value);
                raw.put(k, setting.value());
            }
        }
    }

    /** One {@code key = value} of {@code plugin.d/<plugin>.cfg}, stored as {@code plugin.<plugin>.<key>}. */
    void acceptPluginFile(String plugin, String key, Setting setting) {
        pluginconf.put(plugin + "." + key, setting);
    }

    /**
     * Applies defaults, runs the whole-configuration checks and returns the immutable result. Does not change
     * this assembler, so it may be called again after more settings.
     */
    Config build(Optional<Path> configFile, Map<String, String> environment, Supplier<String> hostname) {
        Map<ConfigKey, Object> typed = new EnumMap<>(ConfigKey.class);
        Map<ConfigKey, String> text = new EnumMap<>(raw);
        for (ConfigKey k : ConfigKey.values()) {
            Object v = values.get(k);
            if (v == null) {
                typed.put(k, defaultValue(k, text, hostname));
            } else if (k.isOptional()) {
                typed.put(k, Optional.of(v));
            } else {
                typed.put(k, k.type().accumulates() ? List.copyOf((List<?>) v) : v);
            }
        }
        String identity = (String) typed.get(ConfigKey.IDENTITY);
        if (!IDENTITY.matcher(identity).matches()) {
            Setting where =
                    Optional.ofNullable(origins.get(ConfigKey.IDENTITY)).orElse(new Setting(identity, sourceName, 0));
            throw where.error("Identities can only match /\\w\\.\\-/ but identity is '" + identity + "'");
        }
        if ("syslog".equals(typed.get(ConfigKey.LOGGER_TYPE)) && isWindows()) {
            throw origins.get(ConfigKey.LOGGER_TYPE).error("The sylog logger is not usable on the Windows platform");
        }
        for (Object dir : (List<?>) typed.get(ConfigKey.LIBDIR)) {
            if (!Files.isDirectory((Path) dir)) {
                LOG.debug("Cannot find libdir: {}", dir);
            }
        }
        return new Config(typed, text, pluginconf, configFile, Map.copyOf(environment));
    }

    private static Object defaultValue(ConfigKey k, Map<ConfigKey, String> text, Supplier<String> hostname) {
        if (k == ConfigKey.IDENTITY) {
            String name = hostname.get();
            text.put(k, name);
            return name;
        }
        if (k == ConfigKey.COLOR) {
            text.put(k, Boolean.toString(!isWindows()));
            return !isWindows();
        }
        if (k.type().accumulates()) {
            return List.of();
        }
        return k.defaultText()
                .<Object>map(t -> {
                    text.put(k, t);
                    return convert(k, new Setting(t, "default", 0));
                })
                .orElse(Optional.empty());
    }

    private static Object convert(ConfigKey k, Setting s) {
        String v = s.value();
        return switch (k.type()) {
            case STRING -> v;
            case PLUGIN_NAME -> v.toLowerCase(Locale.ROOT);
            case PATH -> toPath(k, s);
            case INT -> s.asInt().orElseThrow(() -> unparsable(k, s));
            case FLOAT -> s.asFloat().orElseThrow(() -> unparsable(k, s));
            case BOOL -> s.asBool(k.rubyName());
            case LIST -> List.of(v.split(",")).stream().map(String::strip).toList();
            case PATH_LIST -> toPathList(k, s);
            case REPEATABLE_STRING -> List.of(v);
            case ENUM -> toEnum(k, s);
        };
    }

    private static List<Path> toPathList(ConfigKey k, Setting s) {
        List<Path> paths = new ArrayList<>();
        for (String path : s.value().split(Pattern.quote(File.pathSeparator))) {
            if (!isAbsolute(path)) {
                throw s.error("libdir paths should be absolute paths but '" + path + "' is relative");
            }
            paths.add(toPath(k, new Setting(path, s.source(), s.line())));
        }
        return paths;
    }

    private static String toEnum(ConfigKey k, Setting s) {
        // Ruby downcases logger_type before loading the logger class; the other enums are compared as written
        String v = k == ConfigKey.LOGGER_TYPE ? s.value().toLowerCase(Locale.ROOT) : s.value();
        if (!k.allowedValues().contains(v)) {
            throw s.error("Could not parse value for configuration option '" + k.rubyName() + "' with value '"
                    + s.value() + "'; expected one of " + String.join(", ", k.allowedValues()));
        }
        return v;
    }

    private static Path toPath(ConfigKey k, Setting s) {
        try {
            return Path.of(s.value());
        } catch (InvalidPathException e) {
            throw unparsable(k, s);
        }
    }

    private static ConfigException unparsable(ConfigKey k, Setting s) {
        return s.error(
                "Could not parse value for configuration option '" + k.rubyName() + "' with value '" + s.value() + "'");
    }

    /** Port of {@code Util.absolute_path?}. */
    static boolean isAbsolute(String path) {
        return isWindows() ? path.matches("^([a-zA-Z]:)?[\\\\/].*") : path.startsWith("/");
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }

    /** Ruby's {@code Socket.gethostname}: the kernel's host name, not a DNS lookup where that can be avoided. */
    static String localHostname() {
        try {
            if (Files.isReadable(LINUX_HOSTNAME)) {
                String name = Files.readString(LINUX_HOSTNAME).strip();
                if (!name.isEmpty()) {
                    return name;
                }
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            LOG.debug("Cannot determine the host name, using 'localhost'", e);
            return "localhost";
        }
    }
}
