package mcollective.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import mcollective.McollectiveException;

/**
 * The broker's TLS identity read from PEM files (through Bouncy Castle, so PKCS#1, PKCS#8 and EC keys as OpenSSL
 * writes them are all accepted), and the PKCS12 stores Artemis is then given: Artemis reads key material only from
 * store files, so they are written, with a random password, into a private directory ({@code 0700}, files
 * {@code 0600}) that goes when the broker stops. Every mistake is reported naming the file.
 *
 * @param key   the broker's private key
 * @param chain the broker's certificate, then any intermediate certificates
 * @param cas   the CAs client certificates must be signed by; empty: no client certificate is asked for
 */
record PemTls(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> cas) {
    PemTls {
        chain = List.copyOf(chain);
        cas = List.copyOf(cas);
    }

    /** Reads and checks the files: a certificate (chain), its private key, optionally the clients' CA(s). */
    static PemTls read(Path certificate, Path key, Optional<Path> ca) {
        List<X509Certificate> chain = certificates(certificate);
        PrivateKey privateKey = privateKey(key);
        if (!signs(privateKey, chain.get(0))) {
            throw new McollectiveException(
                    "Broker TLS key " + key + " does not belong to the certificate in " + certificate);
        }
        return new PemTls(privateKey, chain, ca.map(PemTls::certificates).orElse(List.of()));
    }

    /** Writes the stores into {@code dir}: the key store, and a trust store if there are CAs. */
    List<BrokerOptions.Store> write(Path dir) {
        try {
            String password = randomPassword();
            KeyStore identity = KeyStore.getInstance("PKCS12");
            identity.load(null, null);
            identity.setKeyEntry("broker", key, password.toCharArray(), chain.toArray(new X509Certificate[0]));
            List<BrokerOptions.Store> stores = new ArrayList<>();
            stores.add(store(identity, dir.resolve("broker.p12"), password));
            if (!cas.isEmpty()) {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                for (int i = 0; i < cas.size(); i++) {
                    trust.setCertificateEntry("ca" + i, cas.get(i));
                }
                stores.add(store(trust, dir.resolve("clients-ca.p12"), password));
            }
            return List.copyOf(stores);
        } catch (GeneralSecurityException | IOException e) {
            throw new McollectiveException("Cannot write the broker's TLS key store in " + dir + ": " + e, e);
        }
    }

    private static BrokerOptions.Store store(KeyStore store, Path file, String password)
            throws GeneralSecurityException, IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
            store.store(out, password.toCharArray());
        }
        return new BrokerOptions.Store(file, password);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static List<X509Certificate> certificates(Path file) {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> out = new ArrayList<>();
        for (Object object : pemObjects(file)) {
            if (object instanceof X509CertificateHolder holder) {
                try {
                    out.add(converter.getCertificate(holder));
                } catch (CertificateException e) {
                    throw new McollectiveException(file + ": not a usable certificate: " + e.getMessage(), e);
                }
            }
        }
        if (out.isEmpty()) {
            throw new McollectiveException(file + ": holds no PEM certificate");
        }
        return out;
    }

    private static PrivateKey privateKey(Path file) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        for (Object object : pemObjects(file)) {
            try {
                if (object instanceof PEMKeyPair pair) {
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
                if (object instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
            } catch (IOException e) {
                throw new McollectiveException(file + ": not a usable private key: " + e.getMessage(), e);
            }
        }
        throw new McollectiveException(file + ": holds no unencrypted PEM private key");
    }

    private static List<Object> pemObjects(Path file) {
        List<Object> objects = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException | RuntimeException e) {
            throw new McollectiveException(file + ": cannot read PEM: " + e.getMessage(), e);
        }
        return objects;
    }

    /** Whether the key signs what the certificate's public key verifies. */
    private static boolean signs(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        try {
            byte[] probe = "mcollective".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
