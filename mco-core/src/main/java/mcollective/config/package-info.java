/**
 * Configuration: {@code server.cfg}/{@code client.cfg} parsed once into an immutable {@link mcollective.config.Config}
 * exactly as Ruby's {@code lib/mcollective/config.rb} reads it. Every core key is declared once in
 * {@link mcollective.config.ConfigKey}; plugins read their {@code plugin.<name>.*} section through
 * {@link mcollective.config.PluginConfig}; {@link mcollective.config.ConfigLocator} finds the file to read. Values are
 * read with Ruby's {@code Integer()}, {@code Float()} and {@code Util.str_to_bool} from {@link mcollective.ruby}.
 * All types here are immutable and thread-safe unless their Javadoc says otherwise.
 */
package mcollective.config;
