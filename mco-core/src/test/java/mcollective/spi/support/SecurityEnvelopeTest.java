package mcollective.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import mcollective.MessageDecodeException;
import mcollective.SecurityValidationFailedException;
import mcollective.protocol.Filter;
import mcollective.protocol.Reply;
import mcollective.protocol.Request;
import mcollective.protocol.codec.RubyMarshal;
import mcollective.protocol.codec.RubySymbol;

class SecurityEnvelopeTest {
    static final RubySymbol SEAL = RubySymbol.of("seal");

    /** Adds {@code :seal => body length}, and refuses an envelope whose seal does not match. */
    static final SecurityEnvelope.Seal LENGTH_SEAL = new SecurityEnvelope.Seal() {
        @Override
        public byte[] seal(byte[] body, Map<Object, Object> envelope) {
            envelope.put(SEAL, (long) body.length);
            return body;
        }

        @Override
        public byte[] open(SecurityEnvelope.Received envelope) {
            byte[] body = envelope.bytes(SecurityEnvelope.BODY);
            if (envelope.integer(SEAL) != body.length) {
                throw new SecurityValidationFailedException("bad seal");
            }
            return body;
        }
    };

    static final SecurityEnvelope ENVELOPE = new SecurityEnvelope(LENGTH_SEAL);

    static final Request REQUEST = new Request(
            "0123456789abcdef0123456789abcdef",
            "client.example.net",
            "uid=1",
            "rpcutil",
            "mcollective",
            Filter.builder().addAgent("rpcutil").build(),
            60,
            1_795_583_759L,
            Map.of(RubySymbol.of("action"), "ping"));

    static final Reply REPLY =
            new Reply("0123456789abcdef0123456789abcdef", "node1", "rpcutil", 1_795_583_760L, "pong");

    @SuppressWarnings("unchecked")
    static Map<Object, Object> outer(byte[] payload) {
        return (Map<Object, Object>) RubyMarshal.load(payload);
    }

    static byte[] tampered(byte[] payload, RubySymbol key, Object value) {
        Map<Object, Object> envelope = new LinkedHashMap<>(outer(payload));
        envelope.put(key, value);
        return RubyMarshal.dump(envelope);
    }

    static RubySymbol sym(String name) {
        return RubySymbol.of(name);
    }

    @Nested
    class Requests {
        @Test
        void shouldWriteCreateRequestsKeysInRubysOrderWithTheSealLast() {
            assertThat(outer(ENVELOPE.encodeRequest(REQUEST)).keySet())
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
                            SEAL);
        }

        @Test
        void shouldReadBackWhatItWrote() {
            assertThat(ENVELOPE.decodeRequest(ENVELOPE.encodeRequest(REQUEST))).isEqualTo(REQUEST);
        }

        @Test
        void shouldLetTheSealRefuseAnEnvelope() {
            byte[] forged = tampered(ENVELOPE.encodeRequest(REQUEST), SEAL, 1L);

            assertThatThrownBy(() -> ENVELOPE.decodeRequest(forged))
                    .isInstanceOf(SecurityValidationFailedException.class);
        }

        @Test
        void shouldNameTheKeyAtFaultWhenAFieldHasTheWrongType() {
            byte[] wrong = tampered(ENVELOPE.encodeRequest(REQUEST), sym("ttl"), "sixty");

            assertThatThrownBy(() -> ENVELOPE.decodeRequest(wrong))
                    .isInstanceOf(MessageDecodeException.class)
                    .hasMessage("Message :ttl is not an Integer but String");
        }

        @Test
        void shouldRefuseAPayloadThatIsNotAHash() {
            assertThatThrownBy(() -> ENVELOPE.decodeRequest(RubyMarshal.dump(List.of("x"))))
                    .isInstanceOf(MessageDecodeException.class)
                    .hasMessageContaining("not a Hash but");
        }

        @Test
        void shouldRefuseBytesThatAreNotMarshal() {
            assertThatThrownBy(() -> ENVELOPE.decodeRequest(new byte[] {1, 2, 3}))
                    .isInstanceOf(MessageDecodeException.class)
                    .hasMessageStartingWith("Could not decode message");
        }
    }

    @Nested
    class Replies {
        @Test
        void shouldWriteCreateReplysKeysInRubysOrderWithTheSealLast() {
            assertThat(outer(ENVELOPE.encodeReply(REPLY)).keySet())
                    .containsExactly(
                            sym("senderid"), sym("requestid"), sym("senderagent"), sym("msgtime"), sym("body"), SEAL);
        }

        @Test
        void shouldReadBackWhatItWrote() {
            assertThat(ENVELOPE.decodeReply(ENVELOPE.encodeReply(REPLY))).isEqualTo(REPLY);
        }

        @Test
        void shouldRefuseANilBody() {
            SecurityEnvelope nilBody = new SecurityEnvelope(new SecurityEnvelope.Seal() {
                @Override
                public byte[] seal(byte[] body, Map<Object, Object> envelope) {
                    return body;
                }

                @Override
                public byte[] open(SecurityEnvelope.Received envelope) {
                    return RubyMarshal.dump(null);
                }
            });

            assertThatThrownBy(() -> nilBody.decodeReply(nilBody.encodeReply(REPLY)))
                    .isInstanceOf(MessageDecodeException.class)
                    .hasMessage("Message :body is nil");
        }
    }
}
