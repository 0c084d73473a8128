package mcollective.spi;

/**
 * Summarises one output across replies on the client (summary, sum, average).
 *
 * <p>Selected by: {@code (named in DDL summarize blocks)}. Port of the contract of {@code lib/mcollective/aggregate/base.rb}. The working methods arrive with the
 * issue that builds this plugin type; the interface exists now so that plugins of this type are discovered,
 * named and reported like every other.
 */
public interface Aggregator extends Plugin {}
