package mcollective.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import mcollective.protocol.Reply;
import mcollective.protocol.codec.RubySymbol;
import mcollective.rpc.RpcStatus;

/** One node's answer as the client hands it on (rpc/result.rb). */
class RpcResultTest {

    static Reply reply(Object body) {
        return new Reply("0123", "node1.example.net", "rpcutil", 0, body);
    }

    static Map<Object, Object> body(long code, String message, Map<Object, Object> data) {
        Map<Object, Object> body = new LinkedHashMap<>();
        body.put(RubySymbol.of("statuscode"), code);
        body.put(RubySymbol.of("statusmsg"), message);
        body.put(RubySymbol.of("data"), data);
        return body;
    }

    @Test
    void shouldReadTheReplyWithPlainOutputNames() {
        RpcResult result = RpcResult.from(
                "rpcutil",
                "get_fact",
                reply(body(0, "OK", Map.of(RubySymbol.of("fact"), "platform", "value", "centos"))));

        assertThat(result.ok()).isTrue();
        assertThat(result.status()).isEqualTo(RpcStatus.OK);
        assertThat(result.sender()).isEqualTo("node1.example.net");
        assertThat(result.data()).containsEntry("fact", "platform").containsEntry("value", "centos");
    }

    @Test
    void shouldKeepAFailuresCodeAndMessage() {
        RpcResult result = RpcResult.from("rpcutil", "get_fact", reply(body(3, "Missing Request Data", Map.of())));

        assertThat(result.ok()).isFalse();
        assertThat(result.statuscode()).isEqualTo(3);
        assertThat(result.status()).isEqualTo(RpcStatus.MISSING_DATA);
        assertThat(result.statusmsg()).isEqualTo("Missing Request Data");
    }

    @Test
    void shouldTurnAMalformedReplyIntoAnUnknownError() {
        RpcResult result = RpcResult.from("rpcutil", "ping", reply("pong"));

        assertThat(result.statuscode()).isEqualTo(5);
        assertThat(result.statusmsg()).isEqualTo("Malformed reply: pong");
        assertThat(result.data()).isEmpty();
    }

    @Test
    void shouldWriteTheJsonOfMcoRpcJInItsOrder() {
        RpcResult result = RpcResult.from("rpcutil", "ping", reply(body(0, "OK", Map.of(RubySymbol.of("pong"), 1L))));

        assertThat(List.copyOf(result.toJsonMap().keySet()))
                .containsExactly("agent", "action", "sender", "statuscode", "statusmsg", "data");
        assertThat(result.toJsonMap()).containsEntry("data", Map.of("pong", 1L)).containsEntry("statuscode", 0L);
    }
}
