/**
 * {@code securityprovider = aes_security}: port of {@code security/aes_security.rb} and the parts of
 * {@code mcollective/ssl.rb} it uses. Bodies are AES-256-CBC encrypted under a random key that travels RSA-encrypted
 * in {@code :sslkey}: a request with the sender's private key (anyone with the sender's certificate can read it), a
 * reply with the requester's public key (only the requester can). See docs/security-aes.md and
 * docs/adr/011-aes-security.md.
 */
package mcollective.plugins.security.aes;
