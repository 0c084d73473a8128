/**
 * Audit plugins ({@code rpcauditprovider}): {@code logfile} (Ruby's {@code audit/logfile.rb}, line for line),
 * {@code choria} (JSON lines with Choria's keys) and {@code centralrpclog} (sends each record to the
 * {@code centralrpclog} agent of a collecting node). See docs/auditing.md.
 */
package mcollective.plugins.audit;
