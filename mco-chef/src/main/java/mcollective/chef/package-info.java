/**
 * The {@code chef} discovery method's building blocks: the search query a filter becomes, and Chef server access
 * (knife.rb/client.rb settings, request signing, {@link mcollective.chef.ChefApi}), which the
 * {@code chef} fact source shares.
 */
package mcollective.chef;
