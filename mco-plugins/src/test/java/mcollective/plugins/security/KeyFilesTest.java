package mcollective.plugins.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.McollectiveException;
import mcollective.testdata.Reference;

class KeyFilesTest {

    @Test
    void readsTheReferenceKeysAndCertificates() {
        assertThat(KeyFiles.privateKey(Reference.path("keys/server-private.pem"), null)
                        .getAlgorithm())
                .isEqualTo("RSA");
        assertThat(KeyFiles.publicKey(Reference.path("keys/server-public.pem")).getAlgorithm())
                .isEqualTo("RSA");
        assertThat(KeyFiles.publicKey(Reference.path("keys/aes/server-cert.pem"))
                        .getAlgorithm())
                .isEqualTo("RSA");
        assertThat(KeyFiles.certificates(Reference.path("keys/ca.pem"))).hasSize(1);
    }

    @Test
    void namesTheFileAndWhatIsWrong(@TempDir Path dir) throws IOException {
        Path notPem = Files.writeString(dir.resolve("junk.pem"), "hello\n");
        assertThatThrownBy(() -> KeyFiles.privateKey(notPem, null))
                .isInstanceOf(McollectiveException.class)
                .hasMessage(notPem + ": holds no PEM block; expected a private key");
        assertThatThrownBy(() -> KeyFiles.privateKey(Reference.path("keys/server-public.pem"), null))
                .hasMessageEndingWith("server-public.pem: holds a public key, not a private key");
        assertThatThrownBy(() -> KeyFiles.publicKey(dir.resolve("missing.pem")))
                .hasMessage(dir.resolve("missing.pem") + ": no such file");
    }
}
