package mcollective.spi;

/**
 * lib/mcollective/validator.rb:Checks one input value (shellsafe, ipv4address, ...) the same way on client and node.
 *
 * <p>Selected by: {@code (named in DDL }. Port of the contract of {@code validation)}. The working methods arrive with the
 * issue that builds this plugin type; the interface exists now so that plugins of this type are discovered,
 * named and reported like every other.
 */
public interface Validator extends Plugin {
}
