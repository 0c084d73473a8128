/**
 * The message model shared by nodes and clients, independent of the security plugin's envelope: requests,
 * replies, filters and request ids. Wire quirks (Symbols, Marshal) live in {@code mcollective.protocol.codec}.
 */
package mcollective.protocol;
