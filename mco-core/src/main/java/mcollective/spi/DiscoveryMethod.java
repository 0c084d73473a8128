package mcollective.spi;

/**
 * Turns a filter into the list of node identities a client addresses (mc, flatfile, stdin, chef).
 *
 * <p>Selected by: {@code default_discovery_method / --dm}. Port of the contract of {@code lib/mcollective/discovery.rb}. The working methods arrive with the
 * issue that builds this plugin type; the interface exists now so that plugins of this type are discovered,
 * named and reported like every other.
 */
public interface DiscoveryMethod extends Plugin {
}
