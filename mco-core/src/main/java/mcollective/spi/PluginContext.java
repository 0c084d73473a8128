package mcollective.spi;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import mcollective.config.Config;
import mcollective.config.PluginConfig;

/**
 * What a plugin receives in {@link Plugin#init(PluginContext)}: the parsed configuration, its own
 * {@code plugin.<name>.*} section, the registry (to find and create other plugins), the clock, the environment and
 * any runtime services the host (node or client) offers, looked up by type. The host makes one for itself and hands
 * it to {@link PluginLookup#create}, which narrows it to each plugin with {@link #forPlugin}.
 */
public final class PluginContext {
    private final Config config;
    private final String pluginName;
    private final PluginLookup registry;
    private final Clock clock;
    private final Map<String, String> env;
    private final Map<Class<?>, Object> services;

    public PluginContext(
            Config config,
            String pluginName,
            PluginLookup registry,
            Clock clock,
            Map<String, String> env,
            Map<Class<?>, Object> services) {
        this.config = Objects.requireNonNull(config, "config");
        this.pluginName = Objects.requireNonNull(pluginName, "pluginName");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.env = Map.copyOf(env);
        this.services = Map.copyOf(services);
    }

    /** The whole configuration. */
    public Config config() {
        return config;
    }

    /** This plugin's {@code plugin.<name>.*} settings. */
    public PluginConfig pluginConfig() {
        return config.plugin(pluginName);
    }

    /** The plugin registry, to find and create other plugins with this context. */
    public PluginLookup registry() {
        return registry;
    }

    public Clock clock() {
        return clock;
    }

    /** The process environment (a copy; tests pass their own). */
    public Map<String, String> env() {
        return env;
    }

    /** A runtime service offered by the host, such as the node's inventory for agents. */
    public <T> Optional<T> service(Class<T> type) {
        return Optional.ofNullable(services.get(type)).map(type::cast);
    }

    /** The same context for another plugin name. */
    public PluginContext forPlugin(String name) {
        return new PluginContext(config, name, registry, clock, env, services);
    }
}
