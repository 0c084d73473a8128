/** The embedded Apache Artemis broker that lets a node run with no external middleware. */
package mcollective.broker;
