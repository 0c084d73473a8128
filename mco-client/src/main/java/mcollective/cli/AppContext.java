package mcollective.cli;

import java.io.PrintStream;
import java.util.Map;

import mcollective.config.Config;
import mcollective.plugin.PluginRegistry;

/**
 * What an application runs with: the parsed config, the plugin registry, the standard streams and the
 * environment, all injectable so tests run applications in-process.
 */
public record AppContext(Config config, PluginRegistry registry, PrintStream out, PrintStream err, Stdin in,
        Map<String, String> env) {
}
