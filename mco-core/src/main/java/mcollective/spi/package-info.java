/**
 * Service-provider interfaces: what a plugin implements. Each interface is named after the configuration key that
 * selects its implementation ({@code factsource} selects a {@link mcollective.spi.FactSource}). A plugin is created
 * and initialised in one step by a {@link mcollective.spi.PluginLookup} (the registry) and receives a
 * {@link mcollective.spi.PluginContext}; a node describes itself to filters as a {@link mcollective.spi.NodeView} and
 * to agents as a {@link mcollective.spi.NodeInfo}.
 *
 * <p>This package uses only the JDK, SLF4J and the model below it (the exceptions in {@code mcollective}, the
 * config, the protocol messages, {@code LogSafe}), never the packages that implement or host plugins; a test of
 * mco-core's package dependencies keeps it so.
 */
package mcollective.spi;
