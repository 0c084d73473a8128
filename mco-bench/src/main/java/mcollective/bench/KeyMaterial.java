package mcollective.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;

/** Key files made for one benchmark run, in a temporary directory that {@link #delete} removes. */
final class KeyMaterial {
    private KeyMaterial() {}

    static Path tempDir(String provider) {
        try {
            return Files.createTempDirectory("mco-bench-" + provider);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new RSA-2048 pair: PKCS#8 private key and SubjectPublicKeyInfo public key, as {@code openssl} writes them. */
    static void writeRsaPair(Path privateFile, Path publicFile) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            writePem(privateFile, "PRIVATE KEY", pair.getPrivate().getEncoded());
            writePem(publicFile, "PUBLIC KEY", pair.getPublic().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make an RSA key pair: " + e.getMessage(), e);
        }
    }

    static void writePem(Path file, String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        String pem = "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
