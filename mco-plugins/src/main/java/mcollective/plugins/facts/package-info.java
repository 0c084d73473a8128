/**
 * Built-in fact sources: {@link mcollective.plugins.facts.YamlFactSource} (port of lib/mcollective/facts/yaml_facts.rb),
 * {@link mcollective.plugins.facts.OhaiFactSource} (facts from Chef's {@code ohai} command, refreshed in the
 * background) and {@link mcollective.plugins.facts.ChefFactSource}, which reads the node's document from the Chef
 * server.
 */
package mcollective.plugins.facts;
