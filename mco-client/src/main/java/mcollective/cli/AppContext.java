package mcollective.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

import mcollective.cli.output.Colors;
import mcollective.config.Config;
import mcollective.plugin.PluginRegistry;
import mcollective.spi.PluginContext;

/**
 * What an application runs with: the parsed config, the plugin registry, the standard streams (the writers of
 * the {@link Mco} command line) and the environment, all injectable so tests run applications in-process.
 */
public record AppContext(
        Config config,
        PluginRegistry registry,
        PrintWriter out,
        PrintWriter err,
        Stdin in,
        Map<String, String> env,
        boolean terminal) {

    /** What the plugins this run creates through the registry are initialised with: this run's config and env. */
    public PluginContext pluginContext() {
        return new PluginContext(config, "mco", registry, Clock.systemUTC(), env, Map.of());
    }

    /** Colours as the config and the terminal allow ({@code color} on, stdout a terminal). */
    public Colors colors() {
        return new Colors(terminal && config.color());
    }
}
