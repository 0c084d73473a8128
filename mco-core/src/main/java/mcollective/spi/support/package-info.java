/** Base classes holding framework logic, so that a plugin overrides one hook. */
package mcollective.spi.support;
