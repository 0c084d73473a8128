/**
 * Built-in fact sources: {@link mcollective.plugins.facts.YamlFactSource} (port of lib/mcollective/facts/yaml_facts.rb)
 * and {@link mcollective.plugins.facts.OhaiFactSource} (facts from Chef's {@code ohai} command, refreshed in the
 * background), with {@link mcollective.plugins.facts.FactWhitelist}, which the chef fact source (module mco-chef)
 * shares.
 */
package mcollective.plugins.facts;
