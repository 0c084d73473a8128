/**
 * The plugin SPI: one interface per MCollective plugin type, each named after the config key that selects it.
 * A plugin is one class implementing one of these plus one line in {@code META-INF/services/<interface>}.
 */
package mcollective.spi;
