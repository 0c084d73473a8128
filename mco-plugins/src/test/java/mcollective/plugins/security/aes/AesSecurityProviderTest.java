package mcollective.plugins.security.aes;

import static mcollective.plugins.security.aes.AesFrames.KEYS;
import static mcollective.plugins.security.aes.AesFrames.bytes;
import static mcollective.plugins.security.aes.AesFrames.plaintext;
import static mcollective.plugins.security.aes.AesFrames.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import mcollective.McollectiveException;
import mcollective.MsgDoesNotMatchRequestIdException;
import mcollective.SecurityValidationFailedException;
import mcollective.plugins.security.KeyFiles;
import mcollective.protocol.Filter;
import mcollective.protocol.Reply;
import mcollective.protocol.Request;
import mcollective.protocol.codec.MarshalOptions;
import mcollective.protocol.codec.RubyMarshal;
import mcollective.protocol.codec.RubySymbol;
import mcollective.spi.Role;
import mcollective.spi.support.SecurityEnvelope;

/** aes_security against the golden frames Ruby MCollective 2.12.5 wrote with reference/keys. */
class AesSecurityProviderTest {
    static final AesSecurityProvider NODE = provider(Role.NODE);
    static final AesSecurityProvider CLIENT = provider(Role.CLIENT, "plugin.aes.send_pubkey", "1");
    static final PublicKey CLIENT_CERT = KeyFiles.publicKey(KEYS.resolve("aes/clients/mcoadmin.pem"));

    static final RubySymbol AES_MSG = AesSecurityProvider.AES_MSG;

    /** A Ruby request's plaintext, opened with the client certificate outside the provider. */
    static byte[] openWithClientCert(byte[] frame) throws Exception {
        Map<?, ?> outer = (Map<?, ?>) RubyMarshal.load(frame);
        return SslCrypto.decrypt(
                (String) outer.get(AesSecurityProvider.SSLKEY), (String) outer.get(SecurityEnvelope.BODY), CLIENT_CERT);
    }

    /** The AES key Ruby chose for a request: its {@code :sslkey} opened with the client's certificate. */
    static byte[] rubySecret(byte[] frame) throws Exception {
        Map<?, ?> outer = (Map<?, ?>) RubyMarshal.load(frame);
        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.DECRYPT_MODE, CLIENT_CERT);
        return rsa.doFinal(SslCrypto.decode64((String) outer.get(AesSecurityProvider.SSLKEY)));
    }

    @Nested
    class GoldenFrames {
        @ParameterizedTest
        @MethodSource("mcollective.plugins.security.aes.AesFrames#requests")
        void nodeDecryptsEveryRubyRequestToRubysPlaintext(Path frame) throws Exception {
            Request request = NODE.decodeRequest(bytes(frame));

            assertThat(request.callerId()).isEqualTo("cert=mcoadmin");
            assertThat(request.ttl()).isEqualTo(60);
            assertThat(openWithClientCert(bytes(frame))).isEqualTo(plaintext(frame));
            assertThat(request.body()).isEqualTo(((Map<?, ?>) RubyMarshal.load(plaintext(frame))).get(AES_MSG));
        }

        @ParameterizedTest
        @MethodSource("mcollective.plugins.security.aes.AesFrames#replies")
        void clientDecryptsEveryRubyReplyToRubysPlaintext(Path frame) {
            Reply reply = CLIENT.decodeReply(bytes(frame));

            assertThat(reply.senderId()).isEqualTo("node2.example.net");
            assertThat(RubyMarshal.dump(reply.body())).isEqualTo(plaintext(frame));
        }

        @ParameterizedTest
        @MethodSource("mcollective.plugins.security.aes.AesFrames#requests")
        void clientEncodesRubysRequestToRubysBytesGivenRubysAesKey(Path frame) throws Exception {
            byte[] ruby = bytes(frame);
            Request decoded = NODE.decodeRequest(ruby);
            // the body as Ruby had it, String encodings included
            Object body = ((Map<?, ?>) RubyMarshal.load(plaintext(frame), MarshalOptions.preserving())).get(AES_MSG);
            Request request = new Request(
                    decoded.requestId(),
                    decoded.senderId(),
                    decoded.callerId(),
                    decoded.agent(),
                    decoded.collective(),
                    decoded.filter(),
                    decoded.ttl(),
                    decoded.msgtime(),
                    body);

            // private_encrypt pads deterministically, so with Ruby's AES key every byte must come out the same
            assertThat(CLIENT.encodeRequest(request, rubySecret(ruby))).isEqualTo(ruby);
        }

        @ParameterizedTest
        @MethodSource("mcollective.plugins.security.aes.AesFrames#replies")
        void nodeRepliesInRubysEnvelope(Path frame) {
            Reply ruby = CLIENT.decodeReply(bytes(frame));
            Request request = NODE.decodeRequest(bytes(AesFrames.FRAMES.resolve("aes-request-rpcutil-ping.bin")));

            byte[] ours = NODE.encodeReply(ruby, request);

            Map<?, ?> rubyOuter = (Map<?, ?>) RubyMarshal.load(bytes(frame));
            Map<?, ?> ourOuter = (Map<?, ?>) RubyMarshal.load(ours);
            assertThat(List.copyOf(ourOuter.keySet())).isEqualTo(List.copyOf(rubyOuter.keySet()));
            assertThat(ourOuter.get(SecurityEnvelope.SENDERID)).isEqualTo(rubyOuter.get(SecurityEnvelope.SENDERID));
            assertThat(RubyMarshal.dump(CLIENT.decodeReply(ours).body())).isEqualTo(plaintext(frame));
        }
    }

    @Nested
    class RoundTrips {
        final Request request = new Request(
                "0123456789abcdef0123456789abcdef",
                "mcoclient.example.net",
                CLIENT.callerId(),
                "rpcutil",
                "mcollective",
                Filter.empty().withAgent("rpcutil"),
                30,
                1_795_583_968L,
                Map.of(RubySymbol.of("agent"), "rpcutil", RubySymbol.of("action"), "ping"));

        @Test
        void callerIdIsTheCommonNameOfTheClientCertificate() {
            assertThat(CLIENT.callerId()).isEqualTo("cert=mcoadmin");
            assertThat(NODE.callerId()).isEqualTo("cert=mco-fleet-server");
        }

        @Test
        void aRequestAndItsReplyGoThereAndBack() {
            Request decoded = NODE.decodeRequest(CLIENT.encodeRequest(request));
            assertThat(decoded).isEqualTo(request);

            Reply reply = new Reply(request.requestId(), "node1.example.net", "rpcutil", 1_795_583_970L, "pong");
            assertThat(CLIENT.decodeReply(NODE.encodeReply(reply, decoded))).isEqualTo(reply);
        }

        /** A request a node sends itself, such as registration. */
        final Request own = new Request(
                request.requestId(),
                "node1.example.net",
                NODE.callerId(),
                "registration",
                "mcollective",
                Filter.empty(),
                60,
                1_795_583_968L,
                "facts");

        @Test
        void aNodesOwnRequestIsReadableByAnotherNode() {

            assertThat(NODE.decodeRequest(NODE.encodeRequest(own))).isEqualTo(own);
        }

        @Test
        void aReplyIsOnlyForItsRequester() {
            Reply reply = new Reply(request.requestId(), "node2.example.net", "registration", 1L, "thanks");

            // sealed with the server key, so the client's private key cannot open it: someone else's reply
            byte[] notOurs = NODE.encodeReply(reply, own);
            assertThatThrownBy(() -> CLIENT.decodeReply(notOurs))
                    .isInstanceOf(MsgDoesNotMatchRequestIdException.class)
                    .hasMessageContaining("possibly directed at another client");
        }

        @Test
        void theClientCertificateTravelsOnlyWhenAsked() {
            AesSecurityProvider quiet = provider(Role.CLIENT);
            Map<?, ?> withKey = (Map<?, ?>) RubyMarshal.load(CLIENT.encodeRequest(request));
            Map<?, ?> without = (Map<?, ?>) RubyMarshal.load(quiet.encodeRequest(request));

            assertThat((String) withKey.get(AesSecurityProvider.SSLPUBKEY)).startsWith("-----BEGIN CERTIFICATE-----");
            assertThat(without.containsKey(AesSecurityProvider.SSLPUBKEY)).isFalse();
        }

        @Test
        void aReplyNeedsItsRequest() {
            Reply reply = new Reply(request.requestId(), "node1.example.net", "rpcutil", 1L, "pong");
            assertThatThrownBy(() -> NODE.encodeReply(reply))
                    .isInstanceOf(McollectiveException.class)
                    .hasMessageContaining("encode it with its request");
        }
    }

    /** A Ruby frame with some outer fields changed, re-serialised. */
    static byte[] tampered(Path frame, Object key, Object value) {
        @SuppressWarnings("unchecked")
        Map<Object, Object> outer = (Map<Object, Object>) RubyMarshal.load(bytes(frame), MarshalOptions.preserving());
        outer.put(key, value);
        return RubyMarshal.dump(outer);
    }

    @Nested
    class Refusals {
        final Path ping = AesFrames.FRAMES.resolve("aes-request-rpcutil-ping.bin");

        @Test
        void aSwappedTtlIsTampering() {
            byte[] frame = tampered(ping, SecurityEnvelope.TTL, 600L);

            assertThatThrownBy(() -> NODE.decodeRequest(frame))
                    .isInstanceOf(SecurityValidationFailedException.class)
                    .hasMessage("Request ad0705c57a4d56fbbaeb9c316f22fbad from cert=mcoadmin@mcoclient.example.net"
                            + " TTL does not match encrypted TTL - possible tampering");
        }

        @Test
        void aShiftedMessageTimeIsTampering() {
            byte[] frame = tampered(ping, SecurityEnvelope.MSGTIME, 1_795_583_968L + 3600);

            assertThatThrownBy(() -> NODE.decodeRequest(frame))
                    .isInstanceOf(SecurityValidationFailedException.class)
                    .hasMessageContaining("Message Time does not match encrypted Message Time");
        }

        @Test
        void withEnforceTtlOffTheEncryptedTtlWinsAndTheRequestPasses() {
            AesSecurityProvider lenient = provider(Role.NODE, "plugin.aes.enforce_ttl", "0");

            Request request = lenient.decodeRequest(tampered(ping, SecurityEnvelope.TTL, 600L));

            assertThat(request.ttl()).isEqualTo(60);
        }

        @Test
        void aTamperedCiphertextIsRefused() {
            Map<?, ?> outer = (Map<?, ?>) RubyMarshal.load(bytes(ping));
            byte[] crypted = SslCrypto.decode64((String) outer.get(SecurityEnvelope.BODY));
            crypted[crypted.length - 1] ^= 1; // the padding block
            byte[] frame = tampered(ping, SecurityEnvelope.BODY, SslCrypto.encode64(crypted));

            assertThatThrownBy(() -> NODE.decodeRequest(frame))
                    .isInstanceOf(SecurityValidationFailedException.class)
                    .hasMessageStartingWith("Could not decrypt message from ad0705c57a4d56fbbaeb9c316f22fbad");
        }

        @Test
        void aTamperedKeyIsRefused() {
            Map<?, ?> outer = (Map<?, ?>) RubyMarshal.load(bytes(ping));
            byte[] key = SslCrypto.decode64((String) outer.get(AesSecurityProvider.SSLKEY));
            key[5] ^= 1;
            byte[] frame = tampered(ping, AesSecurityProvider.SSLKEY, SslCrypto.encode64(key));

            assertThatThrownBy(() -> NODE.decodeRequest(frame)).isInstanceOf(SecurityValidationFailedException.class);
        }

        @Test
        void anUnknownCallerIsRefused() {
            byte[] frame = tampered(ping, SecurityEnvelope.CALLERID, "cert=stranger");

            assertThatThrownBy(() -> NODE.decodeRequest(frame))
                    .isInstanceOf(SecurityValidationFailedException.class)
                    .hasMessageContaining("No certificate for callerid 'cert=stranger'")
                    .hasMessageContaining("stranger.pem does not exist");
        }

        @Test
        void aCallerIdCannotNameAFileOutsideTheCertificateDirectory() {
            for (String callerId : List.of("cert=mcoadmin/../../server-public", "cert=../ca", "uid=0", "cert=")) {
                byte[] frame = tampered(ping, SecurityEnvelope.CALLERID, callerId);

                assertThatThrownBy(() -> NODE.decodeRequest(frame))
                        .as(callerId)
                        .isInstanceOf(SecurityValidationFailedException.class)
                        .hasMessageContaining("Received a callerid in an unexpected format");
            }
        }

        @Test
        void anotherSendersCertificateDoesNotOpenTheRequest() {
            byte[] frame = tampered(ping, SecurityEnvelope.CALLERID, "cert=mco-fleet-server");

            assertThatThrownBy(() -> NODE.decodeRequest(frame))
                    .isInstanceOf(SecurityValidationFailedException.class)
                    .hasMessageStartingWith("Could not decrypt message from");
        }

        @Test
        void anOldStyleBodyIsRefusedUnlessEnforceTtlIsOff() {
            AesSecurityProvider lenient = provider(Role.NODE, "plugin.aes.enforce_ttl", "0");
            Request old = new Request(
                    "0123456789abcdef0123456789abcdef",
                    "mcoclient.example.net",
                    "cert=mcoadmin",
                    "discovery",
                    "mcollective",
                    Filter.empty(),
                    60,
                    1_795_583_968L,
                    "ping");
            // what a pre-2.x client sent: the bare body, encrypted
            Map<Object, Object> envelope = SecurityEnvelope.requestHash(old);
            SslCrypto.Sealed sealed = SslCrypto.encrypt(
                    RubyMarshal.dump("ping"),
                    KeyFiles.privateKey(KEYS.resolve("private/mcoadmin-private.pem"), null),
                    SslCrypto.randomSecret());
            envelope.put(SecurityEnvelope.BODY, sealed.data());
            envelope.put(AesSecurityProvider.SSLKEY, sealed.key());
            byte[] frame = RubyMarshal.dump(envelope);

            assertThatThrownBy(() -> NODE.decodeRequest(frame))
                    .isInstanceOf(SecurityValidationFailedException.class)
                    .hasMessageContaining("is in an unknown or older security protocol, ignoring");
            assertThat(lenient.decodeRequest(frame).body()).isEqualTo("ping");
        }
    }
}
