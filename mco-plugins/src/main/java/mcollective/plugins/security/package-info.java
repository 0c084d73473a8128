/** Security plugins: serialisation, integrity and caller identity of messages. */
package mcollective.plugins.security;
