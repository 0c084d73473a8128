/**
 * {@code securityprovider = ssl}: port of {@code lib/mcollective/security/ssl.rb}, RSA/SHA-1 signatures over the
 * serialised body with a shared server key pair and one key pair per client (reference/PROTOCOL.md §7).
 */
package mcollective.plugins.security.ssl;
