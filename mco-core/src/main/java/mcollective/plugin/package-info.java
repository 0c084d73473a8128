/** Finding and instantiating plugins by their MCollective names. */
package mcollective.plugin;
