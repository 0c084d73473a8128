/** Built-in fact sources, one per Ruby file in lib/mcollective/facts: {@link mcollective.plugins.facts.YamlFactSource}. */
package mcollective.plugins.facts;
