/**
 * The MCollective message model: requests, replies and the discovery {@link mcollective.protocol.Filter}, as plain
 * immutable values. Ruby wire quirks (Symbol versus String keys, Marshal types) are mapped at the edges
 * ({@code toRuby}/{@code fromRuby}) and in {@link mcollective.protocol.codec}.
 */
package mcollective.protocol;
