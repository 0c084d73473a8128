/**
 * Built-in fact sources: {@link mcollective.plugins.facts.YamlFactSource} (a port of lib/mcollective/facts/yaml_facts.rb)
 * and {@link mcollective.plugins.facts.ChefFactSource}, which reads the node's document from the Chef server.
 */
package mcollective.plugins.facts;
