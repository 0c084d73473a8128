/**
 * The client library, usable without the CLI: {@link mcollective.client.Client} sends one request and collects its
 * replies, {@link mcollective.client.RpcClient} makes SimpleRPC calls and hands back
 * {@link mcollective.client.RpcResult}s and {@link mcollective.client.RpcStats}, and
 * {@link mcollective.client.Discoverer} owns every discovery decision (method, identity shortcut, limit, direct
 * addressing), telling a {@link mcollective.client.DiscoveryListener} when a method runs. Nothing here depends on
 * {@code mcollective.cli}.
 */
package mcollective.client;
