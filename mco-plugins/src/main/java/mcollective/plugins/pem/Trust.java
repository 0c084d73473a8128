package mcollective.plugins.pem;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Which TLS peers a plugin trusts: given CA certificates (read with {@link PemFiles}), optionally on top of the JDK's
 * own CAs, or, for OpenSSL's {@code VERIFY_NONE}, everything. Shared by the STOMP connectors and the Chef client.
 */
public final class Trust {
    private Trust() {}

    /**
     * Trust managers accepting peers signed by {@code cas}, and by the JDK's default CAs too when
     * {@code withSystemCas}.
     */
    public static TrustManager[] managers(List<X509Certificate> cas, boolean withSystemCas)
            throws GeneralSecurityException {
        List<X509Certificate> all = new ArrayList<>(cas);
        if (withSystemCas) {
            TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            system.init((KeyStore) null);
            for (TrustManager manager : system.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    all.addAll(List.of(x509.getAcceptedIssuers()));
                }
            }
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("Cannot create an empty key store", e);
        }
        for (int i = 0; i < all.size(); i++) {
            store.setCertificateEntry("ca" + i, all.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    /** A client context trusting {@code cas} and the JDK's default CAs. */
    public static SSLContext clientContext(List<X509Certificate> cas) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, managers(cas, true), null);
        return context;
    }

    /** A client context that checks nothing: OpenSSL's {@code VERIFY_NONE}, for when a user asks for it. */
    public static SSLContext trustingEverything() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustEverything()}, null);
        return context;
    }

    /** Accepts every certificate. */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
