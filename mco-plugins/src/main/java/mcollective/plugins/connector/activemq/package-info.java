/** The {@code activemq} connector: MCollective's destinations and headers over STOMP. */
package mcollective.plugins.connector.activemq;
