package mcollective.spi;

/**
 * Records every SimpleRPC request a node runs (audit). Called on worker threads before the action runs.
 *
 * <p>Selected by: {@code rpcauditprovider}. Port of the contract of {@code lib/mcollective/audit/base.rb}. The working methods arrive with the
 * issue that builds this plugin type; the interface exists now so that plugins of this type are discovered,
 * named and reported like every other.
 */
public interface AuditProvider extends Plugin {}
