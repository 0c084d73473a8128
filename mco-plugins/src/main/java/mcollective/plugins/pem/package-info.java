/** PEM files read with the JDK alone: X.509 certificates and RSA keys in PKCS#8 or PKCS#1 form. */
package mcollective.plugins.pem;
