/**
 * Finding plugins by their MCollective names and creating them initialised: {@link mcollective.plugin.PluginRegistry},
 * the one implementation of {@link mcollective.spi.PluginLookup}.
 */
package mcollective.plugin;
