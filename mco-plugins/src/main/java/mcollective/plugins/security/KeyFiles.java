package mcollective.plugins.security;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

import mcollective.McollectiveException;

/**
 * Reads the PEM files the security plugins are configured with, through Bouncy Castle so that every shape OpenSSL
 * writes is accepted: PKCS#1 ({@code RSA PRIVATE KEY}, {@code RSA PUBLIC KEY}), PKCS#8 (plain and encrypted), EC
 * keys, OpenSSL's traditional encrypted keys, certificates (one or a chain) and CRLs. A public key may also be read
 * from a certificate. Every failure is a {@link McollectiveException} whose message names the file (or the origin of
 * a PEM string, such as {@code chef client web01}) and what is wrong with it.
 */
public final class KeyFiles {
    private static final JcaPEMKeyConverter KEYS = new JcaPEMKeyConverter();
    // PKCS#8 encryption (PBES2 with PBKDF2, as `openssl pkcs8 -topk8` writes) needs ciphers the JDK names otherwise
    private static final Provider BC = new BouncyCastleProvider();

    private KeyFiles() {}

    /** The private key in {@code file}, decrypted with {@code password} when it is encrypted ({@code null}: none). */
    public static PrivateKey privateKey(Path file, char[] password) {
        return fromFile(file, pem -> privateKey(pem, file.toString(), password));
    }

    /** The private key in a PEM string; {@code origin} names it in messages. */
    public static PrivateKey privateKey(String pem, String origin, char[] password) {
        Object object = first(pem, origin, "a private key");
        try {
            if (object instanceof PEMEncryptedKeyPair encrypted) {
                object = encrypted.decryptKeyPair(
                        new JcePEMDecryptorProviderBuilder().setProvider(BC).build(needPassword(password, origin)));
            } else if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                object = encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                        .setProvider(BC)
                        .build(needPassword(password, origin)));
            }
            if (object instanceof PEMKeyPair pair) {
                return KEYS.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (object instanceof PrivateKeyInfo info) {
                return KEYS.getPrivateKey(info);
            }
        } catch (IOException | OperatorCreationException | PKCSException e) {
            throw new McollectiveException(
                    origin + ": cannot decrypt the private key (wrong password?): " + e.getMessage(), e);
        }
        throw new McollectiveException(origin + ": holds " + describe(object) + ", not a private key");
    }

    /** The public key in {@code file}: a public key, or the first certificate's key. */
    public static PublicKey publicKey(Path file) {
        return fromFile(file, pem -> publicKey(pem, file.toString()));
    }

    /** The public key in a PEM string (a public key, a certificate, or a private key's public half). */
    public static PublicKey publicKey(String pem, String origin) {
        Object object = first(pem, origin, "a public key");
        try {
            if (object instanceof SubjectPublicKeyInfo info) {
                return KEYS.getPublicKey(info);
            }
            if (object instanceof X509CertificateHolder certificate) {
                return KEYS.getPublicKey(certificate.getSubjectPublicKeyInfo());
            }
            if (object instanceof PEMKeyPair pair) {
                return KEYS.getPublicKey(pair.getPublicKeyInfo());
            }
        } catch (IOException e) {
            throw new McollectiveException(origin + ": not a usable public key: " + e.getMessage(), e);
        }
        throw new McollectiveException(origin + ": holds " + describe(object) + ", not a public key");
    }

    /** Every certificate in {@code file}, in file order (a chain, or a bundle of CAs); at least one. */
    public static List<X509Certificate> certificates(Path file) {
        return fromFile(file, pem -> certificates(pem, file.toString()));
    }

    /** Every certificate in a PEM string, in order; at least one. */
    public static List<X509Certificate> certificates(String pem, String origin) {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> out = new ArrayList<>();
        for (Object object : all(pem, origin)) {
            if (object instanceof X509CertificateHolder holder) {
                try {
                    out.add(converter.getCertificate(holder));
                } catch (CertificateException e) {
                    throw new McollectiveException(origin + ": not a usable certificate: " + e.getMessage(), e);
                }
            }
        }
        if (out.isEmpty()) {
            throw new McollectiveException(origin + ": holds no PEM certificate");
        }
        return List.copyOf(out);
    }

    /** Every CRL in {@code file}; at least one. */
    public static List<X509CRL> crls(Path file) {
        return fromFile(file, pem -> {
            JcaX509CRLConverter converter = new JcaX509CRLConverter();
            List<X509CRL> out = new ArrayList<>();
            for (Object object : all(pem, file.toString())) {
                if (object instanceof X509CRLHolder holder) {
                    try {
                        out.add(converter.getCRL(holder));
                    } catch (CRLException e) {
                        throw new McollectiveException(file + ": not a usable CRL: " + e.getMessage(), e);
                    }
                }
            }
            if (out.isEmpty()) {
                throw new McollectiveException(file + ": holds no PEM X509 CRL");
            }
            return List.copyOf(out);
        });
    }

    private static <T> T fromFile(Path file, Function<String, T> parse) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new McollectiveException(file + ": no such file", e);
        } catch (IOException e) {
            throw new McollectiveException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse.apply(pem);
    }

    private static Object first(String pem, String origin, String wanted) {
        List<Object> objects = all(pem, origin);
        if (objects.isEmpty()) {
            throw new McollectiveException(origin + ": holds no PEM block; expected " + wanted);
        }
        return objects.get(0);
    }

    private static List<Object> all(String pem, String origin) {
        List<Object> out = new ArrayList<>();
        try (Reader reader = new StringReader(pem);
                PEMParser parser = new PEMParser(reader)) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                out.add(object);
            }
        } catch (IOException | RuntimeException e) {
            throw new McollectiveException(origin + ": not valid PEM: " + e.getMessage(), e);
        }
        return out;
    }

    private static char[] needPassword(char[] password, String origin) {
        if (password == null || password.length == 0) {
            throw new McollectiveException(origin + ": the private key is encrypted and no password was given");
        }
        return password;
    }

    private static String describe(Object object) {
        if (object instanceof X509CertificateHolder) {
            return "a certificate";
        }
        if (object instanceof X509CRLHolder) {
            return "a CRL";
        }
        if (object instanceof SubjectPublicKeyInfo) {
            return "a public key";
        }
        return "a " + object.getClass().getSimpleName();
    }
}
