/**
 * Base classes that hold the framework logic of the Ruby {@code base.rb} files, so that a plugin implements a single
 * hook: {@link mcollective.spi.support.AbstractFactSource} caches and normalises facts for a
 * {@link mcollective.spi.FactSource} that only knows how to load them; {@link mcollective.spi.support.RpcAgent}
 * reads a SimpleRPC request, dispatches it to an action, maps failures to status codes and writes the reply, the
 * message formats being those of {@code mcollective.rpc}.
 */
package mcollective.spi.support;
