package mcollective.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import mcollective.MessageDecodeException;
import mcollective.protocol.Filter;
import mcollective.protocol.Request;
import mcollective.protocol.codec.RubyMarshal;
import mcollective.protocol.codec.RubySymbol;

/** The SimpleRPC request body, written as Ruby's client writes it and read as Ruby's node reads it. */
class RpcRequestTest {

    static Request message(Object body) {
        return new Request(
                "8408d71f21965b66a85e5d55adff257d",
                "mcoclient.example.net",
                "uid=0",
                "rpcutil",
                "mcollective",
                Filter.empty(),
                60,
                1_795_583_759L,
                body);
    }

    @SuppressWarnings("unchecked")
    static Map<Object, Object> map(Object value) {
        return (Map<Object, Object>) value;
    }

    @Nested
    class ToRuby {
        @Test
        void shouldWriteTheBytesRubysClientWritesForAPing() {
            Map<Object, Object> body = RpcRequest.toRuby("rpcutil", "ping", "uid=0", Map.of("process_results", true));

            assertThat(RubyMarshal.dump(body)).isEqualTo(GoldenBodies.bytes("psk-request-rpcutil-ping"));
        }

        @Test
        void shouldWriteTheBytesRubysClientWritesForAGetFactWithItsInput() {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("fact", "platform");
            data.put("process_results", true);

            Map<Object, Object> body = RpcRequest.toRuby("rpcutil", "get_fact", "uid=0", data);

            assertThat(RubyMarshal.dump(body)).isEqualTo(GoldenBodies.bytes("psk-request-rpcutil-get_fact-direct"));
        }

        @Test
        void shouldKeepTheInputOrderAndKeyEveryInputBySymbol() {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("b", 1L);
            data.put("a", 2L);
            data.put("process_results", false);

            Map<Object, Object> written =
                    map(RpcRequest.toRuby("x", "y", "uid=1", data).get(RubySymbol.of("data")));

            assertThat(List.copyOf(written.keySet()))
                    .containsExactly(RubySymbol.of("b"), RubySymbol.of("a"), RubySymbol.of("process_results"));
        }

        @Test
        void shouldReadBackWhatItWrote() {
            RpcRequest read = RpcRequest.fromRuby(message(RubyMarshal.load(
                    RubyMarshal.dump(RpcRequest.toRuby("rpcutil", "get_fact", "uid=0", Map.of("fact", "platform"))))));

            assertThat(RpcRequest.fromRuby(message(read.toRuby()))).isEqualTo(read);
            assertThat(read.data()).containsExactly(Map.entry("fact", "platform"));
        }
    }

    @Nested
    class FromRuby {
        @Test
        void shouldReadRubysPingWithTheEnvelopesSenderCallerAndRequestId() {
            RpcRequest request = RpcRequest.fromRuby(message(GoldenBodies.body("psk-request-rpcutil-ping")));

            assertThat(request)
                    .isEqualTo(new RpcRequest(
                            "rpcutil",
                            "ping",
                            "uid=0",
                            "mcoclient.example.net",
                            "8408d71f21965b66a85e5d55adff257d",
                            Map.of("process_results", true)));
            assertThat(request.processResults()).isTrue();
        }

        @Test
        void shouldAcceptStringKeysAsRubyNodesDo() {
            Map<Object, Object> body = new LinkedHashMap<>();
            body.put("action", "get_fact");
            body.put("data", Map.of("fact", "platform"));

            RpcRequest request = RpcRequest.fromRuby(message(body));

            assertThat(request.action()).isEqualTo("get_fact");
            assertThat(request.get("fact")).contains("platform");
        }

        @Test
        void shouldPreferTheSymbolKeyWhenBothAreThere() {
            Map<Object, Object> body = new LinkedHashMap<>();
            body.put("action", "string");
            body.put(RubySymbol.of("action"), "symbol");

            assertThat(RpcRequest.fromRuby(message(body)).action()).isEqualTo("symbol");
        }

        @Test
        void shouldReadNoInputsWhenDataIsMissing() {
            RpcRequest request = RpcRequest.fromRuby(message(Map.of(RubySymbol.of("action"), "ping")));

            assertThat(request.data()).isEmpty();
            assertThat(request.processResults()).isTrue();
        }

        @Test
        void shouldRefuseABodyThatIsNotAHash() {
            assertThatThrownBy(() -> RpcRequest.fromRuby(message("ping")))
                    .isInstanceOf(MessageDecodeException.class)
                    .hasMessage("SimpleRPC request body for agent rpcutil is not a Hash");
        }
    }

    @Nested
    class Inputs {
        final RpcRequest request =
                new RpcRequest("rpcutil", "get_fact", "uid=0", "client", "id", Map.of("process_results", false));

        @Test
        void shouldFailARequiredInputWithRubysMissingDataMessage() {
            assertThatThrownBy(() -> request.require("fact"))
                    .isInstanceOfSatisfying(
                            RpcException.class, e -> assertThat(e.status()).isEqualTo(RpcStatus.MISSING_DATA))
                    .hasMessage("Action get_fact needs a fact argument");
        }

        @Test
        void shouldTellThatNoReplyIsWanted() {
            assertThat(request.processResults()).isFalse();
        }
    }
}
