/** SimpleRPC values: requests, replies and status codes, as agents and clients see them. */
package mcollective.rpc;
