/**
 * The {@code chef} discovery method's building blocks: Chef server request signing and the search query a filter
 * becomes.
 */
package mcollective.plugins.discovery.chef;
