package mcollective.spi;

/**
 * Answers a data query (fstat, fact, agent, collective) on the node, for compound filters and rpcutil#get_data.
 *
 * <p>Selected by: {@code (named in -S and rpcutil#get_data)}. Port of the contract of {@code lib/mcollective/data/base.rb}. The working methods arrive with the
 * issue that builds this plugin type; the interface exists now so that plugins of this type are discovered,
 * named and reported like every other.
 */
public interface DataPlugin extends Plugin {
}
