package mcollective.protocol.codec;

import static mcollective.protocol.codec.Ruby.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The codec against the envelopes and bodies captured from real Ruby MCollective 2.12.5. */
class RubyMarshalFramesTest {

    static List<Path> frames() {
        return GoldenFrames.marshalFrames();
    }

    static Map<Object, Object> envelope(String frame) {
        return map(RubyMarshal.load(GoldenFrames.read(frame)));
    }

    static Object inner(Map<Object, Object> envelope) {
        return RubyMarshal.load((byte[]) envelope.get(sym("body")));
    }

    @SuppressWarnings("unchecked")
    static Map<Object, Object> map(Object value) {
        return (Map<Object, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    static RubySymbol sym(String name) {
        return RubySymbol.of(name);
    }

    @Nested
    class EveryFrame {
        @ParameterizedTest
        @MethodSource("mcollective.protocol.codec.RubyMarshalFramesTest#frames")
        void shouldDecodeToASymbolKeyedEnvelope(Path frame) throws IOException {
            Object decoded = RubyMarshal.load(Files.readAllBytes(frame));
            assertThat(decoded).isInstanceOf(Map.class);
            assertThat(map(decoded).keySet())
                    .allSatisfy(key -> assertThat(key).isInstanceOf(RubySymbol.class))
                    .contains(sym("senderid"), sym("requestid"), sym("msgtime"), sym("body"));
        }

        @ParameterizedTest
        @MethodSource("mcollective.protocol.codec.RubyMarshalFramesTest#frames")
        void shouldRoundTripByteForByteWhenPreserving(Path frame) throws IOException {
            byte[] ruby = Files.readAllBytes(frame);
            Object decoded = RubyMarshal.load(ruby, MarshalOptions.preserving());
            assertThat(hex(RubyMarshal.dump(decoded))).isEqualTo(hex(ruby));
        }

        @ParameterizedTest
        @MethodSource("mcollective.protocol.codec.RubyMarshalFramesTest#frames")
        void shouldRoundTripTheInnerMarshalBodyByteForByte(Path frame) throws IOException {
            Map<Object, Object> decoded = map(RubyMarshal.load(Files.readAllBytes(frame), MarshalOptions.preserving()));
            byte[] body = ((RubyString) decoded.get(sym("body"))).bytes();
            if (frame.getFileName().toString().startsWith("aes")) {
                // aes_security sends base64 ciphertext; there is no Marshal inside to check.
                assertThat(body[0]).isNotEqualTo((byte) 4);
                return;
            }
            Object inner = RubyMarshal.load(body, MarshalOptions.preserving());
            assertThat(hex(RubyMarshal.dump(inner))).isEqualTo(hex(body));
        }
    }

    @Nested
    class RpcutilPingRequest {
        final Map<Object, Object> envelope = envelope("psk-request-rpcutil-ping.bin");

        @Test
        void shouldKeepTheEnvelopeKeysInWireOrder() {
            assertThat(envelope.keySet())
                    .containsExactly(
                            sym("body"),
                            sym("senderid"),
                            sym("requestid"),
                            sym("filter"),
                            sym("collective"),
                            sym("agent"),
                            sym("callerid"),
                            sym("ttl"),
                            sym("msgtime"),
                            sym("hash"));
        }

        @Test
        void shouldDecodeTheScalarsAsTheCaptureDocuments() {
            assertThat(envelope.get(sym("senderid"))).isEqualTo("mcoclient.example.net");
            assertThat(envelope.get(sym("requestid"))).isEqualTo("8408d71f21965b66a85e5d55adff257d");
            assertThat(envelope.get(sym("collective"))).isEqualTo("mcollective");
            assertThat(envelope.get(sym("callerid"))).isEqualTo("uid=0");
            assertThat(envelope.get(sym("ttl"))).isEqualTo(60L);
            assertThat(envelope.get(sym("msgtime"))).isEqualTo(1_795_583_759L);
            assertThat(envelope.get(sym("hash"))).isEqualTo("ec3cc3db8cd009df1d9f64e95a6e69ce");
            assertThat((byte[]) envelope.get(sym("body"))).hasSize(91);
        }

        @Test
        void shouldResolveTheAgentLinkToTheFiltersString() {
            Map<Object, Object> filter = map(envelope.get(sym("filter")));
            assertThat(filter.keySet()).containsExactly("fact", "cf_class", "agent", "identity", "compound");
            List<Object> agents = list(filter.get("agent"));
            assertThat(agents).containsExactly("rpcutil");
            assertThat(envelope.get(sym("agent"))).isSameAs(agents.get(0));
        }

        @Test
        void shouldKeepEachStringsEncodingWhenPreserving() {
            Map<Object, Object> preserved = map(
                    RubyMarshal.load(GoldenFrames.read("psk-request-rpcutil-ping.bin"), MarshalOptions.preserving()));
            assertThat(preserved.get(sym("senderid"))).isEqualTo(RubyString.utf8("mcoclient.example.net"));
            assertThat(preserved.get(sym("requestid"))).isEqualTo(RubyString.ascii("8408d71f21965b66a85e5d55adff257d"));
            assertThat(((RubyString) preserved.get(sym("body"))).isBinary()).isTrue();
        }

        @Test
        void shouldDecodeTheInnerRpcBody() {
            assertThat(inner(envelope))
                    .isEqualTo(Map.of(
                            sym("agent"),
                            "rpcutil",
                            sym("action"),
                            "ping",
                            sym("caller"),
                            "uid=0",
                            sym("data"),
                            Map.of(sym("process_results"), true)));
        }
    }

    @Nested
    class DiscoveryRequests {
        @Test
        void shouldDecodeFactFilterEntriesWithSymbolKeys() {
            Map<Object, Object> envelope = envelope("psk-request-discovery-ping-fact-filter.bin");
            Map<Object, Object> filter = map(envelope.get(sym("filter")));
            assertThat(filter.get("fact"))
                    .isEqualTo(List.of(Map.of(sym("fact"), "platform", sym("value"), "centos", sym("operator"), "==")));
            assertThat(envelope.get(sym("collective"))).isSameAs(filter.get("collective"));
            assertThat(envelope.get(sym("msgtime"))).isEqualTo(1_795_583_742L);
            assertThat(inner(envelope)).isEqualTo("ping");
        }

        @Test
        void shouldDecodeCompoundFiltersWithStringKeys() {
            Map<Object, Object> filter = map(
                    envelope("psk-request-discovery-ping-compound-filter.bin").get(sym("filter")));
            assertThat(filter.get("compound"))
                    .isEqualTo(List.of(List.of(
                            Map.of("statement", "platform=centos"),
                            Map.of("and", "and"),
                            Map.of("statement", "chef_environment=dev"))));
        }

        @Test
        void shouldDecodeTheRegistrationAgentList() {
            assertThat(inner(envelope("psk-request-registration-agentlist.bin")))
                    .isEqualTo(List.of("discovery", "rpcutil"));
        }
    }

    @Nested
    class Replies {
        @Test
        void shouldDecodeAGetFactReply() {
            Map<Object, Object> envelope = envelope("psk-reply-rpcutil-get_fact.bin");
            assertThat(envelope.get(sym("senderid"))).isEqualTo("node2.example.net");
            assertThat(envelope.get(sym("senderagent"))).isEqualTo("rpcutil");
            assertThat(envelope.get(sym("msgtime"))).isEqualTo(1_795_583_766L);
            assertThat(inner(envelope))
                    .isEqualTo(Map.of(
                            sym("statuscode"),
                            0L,
                            sym("statusmsg"),
                            "OK",
                            sym("data"),
                            Map.of(sym("fact"), "platform", sym("value"), "ubuntu")));
        }

        @Test
        void shouldDecodeInventoryFactsAsStringKeyedHash() {
            Map<Object, Object> body = map(inner(envelope("psk-reply-rpcutil-inventory.bin")));
            Map<Object, Object> data = map(body.get(sym("data")));
            assertThat(data.get(sym("agents"))).isEqualTo(List.of("discovery", "rpcutil"));
            assertThat(data.get(sym("version"))).isEqualTo("2.12.5");
            Map<Object, Object> facts = map(data.get(sym("facts")));
            assertThat(facts.get("platform")).isEqualTo("centos");
            assertThat(facts.keySet()).first().isEqualTo("hostname");
        }

        @Test
        void shouldDecodeTheSslBodyWithItsBignumTime() {
            Map<Object, Object> body = map(inner(envelope("ssl-request-rpcutil-ping.bin")));
            assertThat(body.get(sym("ssl_ttl"))).isEqualTo(60L);
            assertThat(body.get(sym("ssl_msgtime"))).isEqualTo(1_795_583_914L);
            assertThat(map(body.get(sym("ssl_msg"))).get(sym("caller"))).isEqualTo("cert=mcoadmin");
        }
    }
}
