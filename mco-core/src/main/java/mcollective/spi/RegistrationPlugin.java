package mcollective.spi;

/**
 * Builds the body a node publishes to the registration agent every registerinterval seconds. Called on the registration timer thread.
 *
 * <p>Selected by: {@code registration}. Port of the contract of {@code lib/mcollective/registration/base.rb}. The working methods arrive with the
 * issue that builds this plugin type; the interface exists now so that plugins of this type are discovered,
 * named and reported like every other.
 */
public interface RegistrationPlugin extends Plugin {}
