package mcollective.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import mcollective.protocol.codec.RubySymbol;

/** Expected texts are what Ruby 3.1's {@code pretty_inspect} printed for the same values. */
class RubyPrettyTest {
    @Test
    void shouldBreakWhatDoesNotFitLikePp() {
        Map<Object, Object> rpcutil = new LinkedHashMap<>();
        rpcutil.put(RubySymbol.of("agent"), "rpcutil");
        rpcutil.put(RubySymbol.of("license"), "Apache License, Version 2.0");
        rpcutil.put(RubySymbol.of("timeout"), 10L);
        rpcutil.put(
                RubySymbol.of("description"),
                "General helpful actions that expose stats and internals to SimpleRPC clients");
        rpcutil.put(RubySymbol.of("name"), "rpcutil");
        Map<Object, Object> small = Map.of(RubySymbol.of("a"), 1L);

        assertThat(RubyPretty.pretty(List.of(rpcutil, small))).isEqualTo("""
                [{:agent=>"rpcutil",
                  :license=>"Apache License, Version 2.0",
                  :timeout=>10,
                  :description=>
                   "General helpful actions that expose stats and internals to SimpleRPC clients",
                  :name=>"rpcutil"},
                 {:a=>1}]""");
    }

    @Test
    void shouldMoveAHashValueToTheNextLine() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("a", "b".repeat(30));
        map.put("c", List.of("d".repeat(40), "e".repeat(40)));

        assertThat(RubyPretty.pretty(map)).isEqualTo("""
                {"a"=>"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
                 "c"=>
                  ["dddddddddddddddddddddddddddddddddddddddd",
                   "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"]}""");
    }

    @Test
    void shouldKeepWhatFitsOnOneLine() {
        assertThat(RubyPretty.pretty(List.of("x".repeat(70), 1L))).isEqualTo("[\"" + "x".repeat(70) + "\", 1]");
        assertThat(RubyPretty.pretty(List.of("discovery", "rpcutil"))).isEqualTo("[\"discovery\", \"rpcutil\"]");
    }
}
