package mcollective.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A plugin's view of the {@code plugin.<name>.*} settings (Ruby's {@code config.pluginconf["<name>.<key>"]}),
 * including those read from {@code plugin.d/<name>.cfg}. Immutable and thread-safe.
 * Example: {@code config.plugin("activemq").getInt("pool.size").orElse(1)}.
 */
public final class PluginConfig {
    private final String name;
    private final Map<String, Setting> settings;
    private final Optional<Setting> bare;

    PluginConfig(String name, Map<String, Setting> pluginconf) {
        this.name = name;
        String prefix = name + ".";
        Map<String, Setting> own = new LinkedHashMap<>();
        pluginconf.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                own.put(k.substring(prefix.length()), v);
            }
        });
        this.settings = Collections.unmodifiableMap(own);
        this.bare = Optional.ofNullable(pluginconf.get(name));
    }

    /** The plugin name this view covers, e.g. {@code "activemq"}. */
    public String name() {
        return name;
    }

    /** The value of {@code plugin.<name>} itself (e.g. {@code plugin.psk}, {@code plugin.yaml}). */
    public Optional<String> value() {
        return bare.map(Setting::value);
    }

    /** The value of {@code plugin.<name>.<key>}; empty when not configured. Key must not be null. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(settings.get(key)).map(Setting::value);
    }

    /**
     * {@code plugin.<name>.<key>} read as a Ruby {@code Integer()}.
     *
     * @throws ConfigException naming {@code plugin.<name>.<key>}, the value, file and line, when not an integer
     */
    public Optional<Integer> getInt(String key) {
        return setting(key).map(s -> s.asInt().orElseThrow(() -> unparsable(key, s)));
    }

    /**
     * {@code plugin.<name>.<key>} read as a Ruby {@code Float()}.
     *
     * @throws ConfigException naming {@code plugin.<name>.<key>}, the value, file and line, when not a number
     */
    public Optional<Double> getDouble(String key) {
        return setting(key).map(s -> s.asFloat().orElseThrow(() -> unparsable(key, s)));
    }

    /**
     * {@code plugin.<name>.<key>} read as an MCollective boolean ({@code 1|yes|true|y|t} / {@code 0|no|false|n|f}),
     * or {@code dflt} when not configured.
     *
     * @throws ConfigException naming {@code plugin.<name>.<key>}, the value, file and line, when not a boolean
     */
    public boolean getBool(String key, boolean dflt) {
        return setting(key).map(s -> s.asBool("plugin." + name + "." + key)).orElse(dflt);
    }

    /** Every {@code plugin.<name>.<key>} as {@code key -> value}, in file order; never null, unmodifiable. */
    public Map<String, String> all() {
        Map<String, String> out = new LinkedHashMap<>();
        settings.forEach((k, v) -> out.put(k, v.value()));
        return Collections.unmodifiableMap(out);
    }

    private Optional<Setting> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    private ConfigException unparsable(String key, Setting s) {
        return s.error("Could not parse value for configuration option 'plugin." + name + "." + key + "' with value '"
                + s.value() + "'");
    }
}
