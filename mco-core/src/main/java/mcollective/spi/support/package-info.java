/**
 * Base classes that hold the framework logic of the Ruby {@code base.rb} files, so that a plugin implements a single
 * hook: {@link mcollective.spi.support.AbstractFactSource} caches and normalises facts for a
 * {@link mcollective.spi.FactSource} that only knows how to load them; {@link mcollective.spi.support.RpcAgent}
 * reads a SimpleRPC request (the formats of {@code mcollective.rpc}), dispatches it to an action and maps failures
 * to status codes; {@link mcollective.spi.support.SecurityEnvelope} writes and reads the Marshal envelope of {@code security/base.rb} for a {@link mcollective.spi.SecurityProvider}
 * that only supplies its seal (psk's {@code :hash}).
 */
package mcollective.spi.support;
