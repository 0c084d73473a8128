/**
 * MCollective and Chef (module mco-chef), as docs/chef.md describes them: the {@code chef} discovery method
 * ({@link mcollective.chef.ChefDiscoveryMethod}, the search query a filter becomes in {@code ChefQuery}), the
 * {@code chef} fact source ({@link mcollective.chef.ChefFactSource}, the node document's facts in
 * {@code ChefNodeFacts}) and the {@code chef} agent ({@link mcollective.chef.ChefAgent}, which drives chef-client
 * through {@code ChefClientDaemon}). Discovery and facts share the Chef server access: knife.rb/client.rb settings
 * ({@link mcollective.chef.KnifeConfig}), request signing ({@code ChefSigner}) and {@link mcollective.chef.ChefApi}.
 * The {@code mco chef} application is in {@link mcollective.chef.app}, the one package that needs mco-client.
 */
package mcollective.chef;
