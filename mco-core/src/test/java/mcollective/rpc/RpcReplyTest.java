package mcollective.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import mcollective.protocol.codec.RubyMarshal;
import mcollective.protocol.codec.RubySymbol;

/** The SimpleRPC reply body, written as Ruby's agents write it and read as Ruby's client reads it. */
class RpcReplyTest {

    @Nested
    class ToRuby {
        @Test
        void shouldWriteTheBytesARubyNodeWritesForAGetFact() {
            RpcReply reply = new RpcReply();
            reply.put("fact", "platform");
            reply.put("value", "ubuntu");

            assertThat(RubyMarshal.dump(reply.toRuby())).isEqualTo(GoldenBodies.bytes("psk-reply-rpcutil-get_fact"));
        }

        @Test
        void shouldWriteAFailuresCodeAndMessage() {
            RpcReply reply = new RpcReply();
            reply.fail("Unknown config property nosuch", RpcStatus.ABORTED);

            assertThat(reply.toRuby())
                    .containsExactly(
                            Map.entry(RubySymbol.of("statuscode"), 1L),
                            Map.entry(RubySymbol.of("statusmsg"), "Unknown config property nosuch"),
                            Map.entry(RubySymbol.of("data"), Map.of()));
        }
    }

    @Nested
    class FromRuby {
        @Test
        void shouldReadRubysGetFactReply() {
            RpcReply reply = RpcReply.fromRuby(GoldenBodies.body("psk-reply-rpcutil-get_fact"));

            assertThat(reply.status()).isEqualTo(RpcStatus.OK);
            assertThat(reply.statuscode()).isZero();
            assertThat(reply.statusMessage()).isEqualTo("OK");
            assertThat(reply.data()).containsExactly(Map.entry("fact", "platform"), Map.entry("value", "ubuntu"));
        }

        @Test
        void shouldReadWhatToRubyWrote() {
            RpcReply sent = new RpcReply();
            sent.put("pong", 1_795_583_759L);
            sent.fail("Request Aborted", RpcStatus.ABORTED);

            RpcReply read = RpcReply.fromRuby(RubyMarshal.load(RubyMarshal.dump(sent.toRuby())));

            assertThat(read.toRuby()).isEqualTo(sent.toRuby());
            assertThat(read.status()).isEqualTo(RpcStatus.ABORTED);
        }

        @Test
        void shouldAcceptStringKeys() {
            Map<Object, Object> body = new LinkedHashMap<>();
            body.put("statuscode", 4L);
            body.put("statusmsg", "Invalid Request Data");
            body.put("data", Map.of("fact", "x"));

            RpcReply reply = RpcReply.fromRuby(body);

            assertThat(reply.status()).isEqualTo(RpcStatus.INVALID_DATA);
            assertThat(reply.statusMessage()).isEqualTo("Invalid Request Data");
            assertThat(reply.data()).containsEntry("fact", "x");
        }

        @Test
        void shouldKeepAnUnknownCodeButCallItAnUnknownError() {
            RpcReply reply = RpcReply.fromRuby(Map.of(RubySymbol.of("statuscode"), 9L));

            assertThat(reply.statuscode()).isEqualTo(9);
            assertThat(reply.status()).isEqualTo(RpcStatus.UNKNOWN_ERROR);
            assertThat(reply.statusMessage()).isEmpty();
            assertThat(reply.data()).isEmpty();
        }

        @Test
        void shouldTreatAMissingCodeAsAnUnknownError() {
            RpcReply reply = RpcReply.fromRuby(Map.of(RubySymbol.of("statusmsg"), "OK"));

            assertThat(reply.statuscode()).isEqualTo(5);
            assertThat(reply.status()).isEqualTo(RpcStatus.UNKNOWN_ERROR);
        }

        @Test
        void shouldShowAMalformedBodyInTheMessage() {
            RpcReply reply = RpcReply.fromRuby(List.of("pong"));

            assertThat(reply.statuscode()).isEqualTo(5);
            assertThat(reply.statusMessage()).isEqualTo("Malformed reply: [pong]");
        }
    }

    @Nested
    class Failing {
        @Test
        void shouldStartOk() {
            RpcReply reply = new RpcReply();

            assertThat(reply.status()).isEqualTo(RpcStatus.OK);
            assertThat(reply.statusMessage()).isEqualTo("OK");
        }

        @Test
        void shouldRecordAFailureAndThrowItWhenAskedTo() {
            RpcReply reply = new RpcReply();

            assertThatThrownBy(() -> reply.failAndThrow("no such fact", RpcStatus.MISSING_DATA))
                    .isInstanceOfSatisfying(
                            RpcException.class, e -> assertThat(e.status()).isEqualTo(RpcStatus.MISSING_DATA))
                    .hasMessage("no such fact");
            assertThat(reply.statuscode()).isEqualTo(3);
            assertThat(reply.statusMessage()).isEqualTo("no such fact");
        }
    }

    @Nested
    class Statuses {
        @Test
        void shouldMapEveryWireCodeAndTheUnknownOnes() {
            assertThat(RpcStatus.of(0)).isEqualTo(RpcStatus.OK);
            assertThat(RpcStatus.of(2)).isEqualTo(RpcStatus.UNKNOWN_ACTION);
            assertThat(RpcStatus.of(-1)).isEqualTo(RpcStatus.UNKNOWN_ERROR);
            assertThat(RpcStatus.of(42)).isEqualTo(RpcStatus.UNKNOWN_ERROR);
        }

        @Test
        void shouldCarryTheTextMcoRpcPrints() {
            assertThat(RpcStatus.values())
                    .extracting(RpcStatus::text)
                    .containsExactly(
                            "",
                            "Request Aborted",
                            "Unknown Action",
                            "Missing Request Data",
                            "Invalid Request Data",
                            "Unknown Request Status");
        }
    }
}
