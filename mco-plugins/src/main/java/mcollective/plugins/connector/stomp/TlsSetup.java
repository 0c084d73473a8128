package mcollective.plugins.connector.stomp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;
import mcollective.logging.LogSafe;
import mcollective.plugins.pem.PemFiles;
import mcollective.plugins.pem.Trust;

/**
 * The TLS context for one broker, ported from {@code ssl_parameters} in lib/mcollective/connector/activemq.rb and the
 * SSL part of ruby-stomp: with CA, certificate and key the broker is verified against the CA (including its host
 * name) and the client presents its certificate; if any is missing or unusable, {@code ssl.fallback} gives an
 * unverified connection with a warning, otherwise it is an error.
 *
 * @param context  the SSL context to create sockets from
 * @param verified whether the broker's certificate and host name are checked
 */
record TlsSetup(SSLContext context, boolean verified) {
    private static final Logger LOG = LoggerFactory.getLogger(TlsSetup.class);

    /**
     * Builds the context for a TLS host.
     *
     * @throws StompException naming the host and file at fault, unless fallback is enabled
     */
    static TlsSetup forHost(StompHost host) {
        try {
            return verified(host);
        } catch (McollectiveException | GeneralSecurityException | IOException e) {
            if (!host.sslFallback()) {
                LOG.error("Failed to set full SSL verified mode for {}: {}", host.url(), LogSafe.of(e.getMessage()));
                throw e instanceof StompException se
                        ? se
                        : new StompException("TLS setup for " + host.url() + " failed: " + e.getMessage(), e);
            }
            LOG.warn(
                    "Failed to set full SSL verified mode for {}, falling back to unverified: {}",
                    host.url(),
                    LogSafe.of(e.getMessage()));
            return unverified();
        }
    }

    private static TlsSetup verified(StompHost host) throws GeneralSecurityException, IOException {
        if (host.sslCa().isEmpty() || host.sslCert().isEmpty() || host.sslKey().isEmpty()) {
            throw new StompException("cert, key and ca has to be supplied for verified SSL mode (" + host.url() + ")");
        }
        List<X509Certificate> cas = new ArrayList<>();
        for (String ca : host.sslCa().get().split(",")) {
            cas.addAll(PemFiles.certificates(existing(ca.strip(), "CA")));
        }
        TrustManager[] trust = Trust.managers(cas, false);

        List<X509Certificate> chain =
                PemFiles.certificates(existing(host.sslCert().get(), "certificate"));
        PrivateKey key = PemFiles.privateKey(existing(host.sslKey().get(), "key"));
        KeyStore identity = KeyStore.getInstance("PKCS12");
        identity.load(null, null);
        char[] password = new char[0];
        identity.setKeyEntry("client", key, password, chain.toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(identity, password);

        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), trust, null);
        return new TlsSetup(ctx, true);
    }

    private static Path existing(String file, String what) {
        Path p = Path.of(file);
        if (!Files.isReadable(p)) {
            throw new StompException("Cannot find " + what + " file " + file);
        }
        return p;
    }

    private static TlsSetup unverified() {
        try {
            return new TlsSetup(Trust.trustingEverything(), false);
        } catch (GeneralSecurityException e) {
            throw new StompException("Cannot create an unverified TLS context: " + e.getMessage(), e);
        }
    }
}
