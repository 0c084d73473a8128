package mcollective.plugins.pem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mcollective.McollectiveException;

/**
 * Reads the PEM files named by {@code ssl.ca}, {@code ssl.cert} and {@code ssl.key} with the JDK alone: certificates
 * (one or more per file) and unencrypted private keys in PKCS#8 ({@code BEGIN PRIVATE KEY}, RSA or EC) or PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}) form. Stateless.
 */
public final class PemFiles {
    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    /** DER of AlgorithmIdentifier { rsaEncryption, NULL }. */
    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };

    private PemFiles() {}

    /** All certificates in a PEM (or DER) file; at least one. */
    public static List<X509Certificate> certificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certs = new ArrayList<>();
            CertificateFactory.getInstance("X.509")
                    .generateCertificates(in)
                    .forEach(c -> certs.add((X509Certificate) c));
            if (certs.isEmpty()) {
                throw new McollectiveException("No certificate in " + file);
            }
            return certs;
        } catch (IOException | GeneralSecurityException e) {
            throw new McollectiveException("Cannot read certificates from " + file + ": " + e.getMessage(), e);
        }
    }

    /** The private key in a PEM file. */
    public static PrivateKey privateKey(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new McollectiveException("Cannot read private key " + file + ": " + e.getMessage(), e);
        }
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            String type = m.group(1);
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (type) {
                case "PRIVATE KEY":
                    return pkcs8(der, file);
                case "RSA PRIVATE KEY":
                    return pkcs8(rsaPkcs1ToPkcs8(der), file);
                case "ENCRYPTED PRIVATE KEY":
                case "EC PRIVATE KEY":
                    throw new McollectiveException("Unsupported private key type '" + type + "' in " + file
                            + "; convert it to an unencrypted PKCS#8 key (openssl pkcs8 -topk8 -nocrypt)");
                default:
                // another block (e.g. EC PARAMETERS or a certificate): keep looking
            }
        }
        throw new McollectiveException("No PEM private key in " + file);
    }

    private static PrivateKey pkcs8(byte[] der, Path file) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new McollectiveException("Cannot parse the RSA or EC private key in " + file);
    }

    /** Wraps a PKCS#1 RSAPrivateKey into PKCS#8 PrivateKeyInfo { version 0, rsaEncryption, OCTET STRING }. */
    public static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream content = new ByteArrayOutputStream(pkcs1.length + 32);
        content.writeBytes(new byte[] {0x02, 0x01, 0x00});
        content.writeBytes(RSA_ALGORITHM);
        content.write(0x04);
        content.writeBytes(derLength(pkcs1.length));
        content.writeBytes(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.size() + 4);
        out.write(0x30);
        out.writeBytes(derLength(content.size()));
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }

    private static byte[] derLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length < 0x100) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        if (length < 0x10000) {
            return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        return new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
    }
}
