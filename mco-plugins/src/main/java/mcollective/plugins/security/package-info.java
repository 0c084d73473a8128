/**
 * Security plugins: serialisation, integrity and caller identity of messages. Each provider writes and reads the
 * Marshal envelope of security/base.rb through {@link mcollective.spi.support.SecurityEnvelope} and supplies only
 * its seal: psk's {@code :hash}, the MD5 of the body and the pre-shared key.
 */
package mcollective.plugins.security;
