/**
 * SimpleRPC messages, both directions, in one place: {@link mcollective.rpc.RpcRequest} and
 * {@link mcollective.rpc.RpcReply} each write their body as a Ruby peer does ({@code toRuby}) and read it back
 * ({@code fromRuby}), accepting Symbol or String keys; {@link mcollective.rpc.RpcStatus} holds the status codes and
 * their printed text, {@link mcollective.rpc.RpcException} an action's failure. The node's agent base and the
 * client library both go through these types, so the body's keys are known here only.
 */
package mcollective.rpc;
