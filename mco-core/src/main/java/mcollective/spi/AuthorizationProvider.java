package mcollective.spi;

/**
 * Decides whether a caller may run an action; a refusal becomes statuscode 1 (RPCAborted). Called on worker threads.
 *
 * <p>Selected by: {@code rpcauthprovider}. Port of the contract of {@code lib/mcollective/rpc/agent.rb (authorization_hook)}. The working methods arrive with the
 * issue that builds this plugin type; the interface exists now so that plugins of this type are discovered,
 * named and reported like every other.
 */
public interface AuthorizationProvider extends Plugin {}
