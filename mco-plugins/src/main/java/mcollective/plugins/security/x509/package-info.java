/**
 * Signed envelopes: {@link mcollective.plugins.security.x509.SignedSecurityProvider}, the shared base that signs
 * every request and reply over its canonical bytes with the sender's own key, and
 * {@link mcollective.plugins.security.x509.X509SecurityProvider}, {@code securityprovider = x509}, whose keys are
 * certified by a CA the fleet trusts. The wire format is specified in docs/x509-security.md.
 */
package mcollective.plugins.security.x509;
