/**
 * A small STOMP 1.0/1.1 client on JDK sockets that speaks exactly what ruby-stomp 1.4.10 speaks, as used by the
 * {@code activemq} and {@code rabbitmq} connectors: byte-identical client frames, failover across a pool of brokers
 * with exponential back-off, replay of subscriptions after a reconnect, heart-beats and TLS.
 *
 * <p>Entry point: {@link mcollective.plugins.connector.stomp.StompClient}. Frames are
 * {@link mcollective.plugins.connector.stomp.StompFrame}s, read and written by
 * {@link mcollective.plugins.connector.stomp.StompFrameReader} and
 * {@link mcollective.plugins.connector.stomp.StompFrameWriter}. See {@code docs/adr/001-hand-written-stomp-client.md}.
 */
package mcollective.plugins.connector.stomp;
