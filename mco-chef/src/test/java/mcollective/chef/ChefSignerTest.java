package mcollective.chef;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.crypto.Cipher;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import mcollective.testdata.Reference;

/**
 * Against {@code reference/chef/signing-vectors.json}, made with chef-zero's test key: the canonical strings
 * and content hashes match byte for byte, and the recorded signatures verify against them with the public key.
 * The private key is not in the reference set, so signing itself is checked by a round trip with a fresh key.
 */
class ChefSignerTest {
    static final Path VECTORS = chefDir().resolve("signing-vectors.json");

    static Path chefDir() {
        return Reference.path("chef");
    }

    static Map<String, Object> vectors() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = new ObjectMapper().readValue(VECTORS.toFile(), Map.class);
        return map;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases() throws Exception {
        return (List<Map<String, Object>>) vectors().get("cases");
    }

    @ParameterizedTest
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void shouldBuildTheSignedStringAndHashesOfEveryVector(Map<String, Object> vector) throws Exception {
        Map<String, Object> all = vectors();
        ChefSigner signer = new ChefSigner(
                (String) all.get("user_id"),
                null,
                ChefSigner.Protocol.of((String) vector.get("proto")),
                Clock.systemUTC());
        byte[] body = ((String) vector.get("body")).getBytes(StandardCharsets.UTF_8);
        Map<String, String> expected = (Map<String, String>) vector.get("headers");

        String hash = signer.contentHash(body);
        String toSign = signer.stringToSign(
                (String) vector.get("method"),
                (String) vector.get("path"),
                hash,
                (String) all.get("timestamp"),
                (String) vector.get("server_api_version"));

        assertThat(hash).isEqualTo(expected.get("X-Ops-Content-Hash"));
        assertThat(toSign).isEqualTo(vector.get("string_to_sign"));
        assertThat(verifies(
                        publicKey((String) all.get("public_key_pem")),
                        (String) vector.get("proto"),
                        toSign,
                        signature(expected)))
                .as("the recorded signature verifies")
                .isTrue();
    }

    @Test
    void shouldSignSoThatTheServerVerifiesForEveryProtocol() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Clock clock = Clock.fixed(Instant.parse("2013-04-03T12:00:00.456Z"), ZoneOffset.UTC);
        for (String proto : List.of("1.0", "1.1", "1.3")) {
            ChefSigner signer =
                    new ChefSigner("mco-discovery", pair.getPrivate(), ChefSigner.Protocol.of(proto), clock);

            Map<String, String> headers =
                    signer.headers("GET", "/organizations/chef//search/node/?q=*:*", new byte[0], "1");

            assertThat(headers.get("X-Ops-Timestamp")).isEqualTo("2013-04-03T12:00:00Z");
            assertThat(headers.keySet())
                    .contains("X-Ops-Authorization-1", "X-Ops-Authorization-6")
                    .doesNotContain("X-Ops-Authorization-7");
            IntStream.rangeClosed(1, 5)
                    .forEach(i ->
                            assertThat(headers.get("X-Ops-Authorization-" + i)).hasSize(60));
            String toSign = signer.stringToSign(
                    "GET",
                    "/organizations/chef/search/node",
                    headers.get("X-Ops-Content-Hash"),
                    "2013-04-03T12:00:00Z",
                    "1");
            assertThat(verifies(pair.getPublic(), proto, toSign, signature(headers)))
                    .as(proto)
                    .isTrue();
        }
    }

    static byte[] signature(Map<String, String> headers) {
        StringBuilder joined = new StringBuilder();
        for (int i = 1; headers.containsKey("X-Ops-Authorization-" + i); i++) {
            joined.append(headers.get("X-Ops-Authorization-" + i));
        }
        return Base64.getDecoder().decode(joined.toString());
    }

    static boolean verifies(PublicKey key, String proto, String toSign, byte[] signature) throws Exception {
        if (proto.equals("1.3")) {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(toSign.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        }
        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.DECRYPT_MODE, key);
        return new String(rsa.doFinal(signature), StandardCharsets.UTF_8).equals(toSign);
    }

    static PublicKey publicKey(String pem) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
