/**
 * Service-provider interfaces: what a plugin implements. Each interface is named after the configuration key that
 * selects its implementation ({@code factsource} selects a {@link mcollective.spi.FactSource}).
 */
package mcollective.spi;
