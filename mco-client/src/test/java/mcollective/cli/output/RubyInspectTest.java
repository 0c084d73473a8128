package mcollective.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import mcollective.protocol.codec.RubyString;
import mcollective.protocol.codec.RubySymbol;

/** Ruby's {@code inspect} and {@code to_s} of decoded values, as the printers use them. */
class RubyInspectTest {

    @Test
    void shouldQuoteAndEscapeStrings() {
        assertThat(RubyInspect.inspect("say \"hi\"\n\tback\\slash")).isEqualTo("\"say \\\"hi\\\"\\n\\tback\\\\slash\"");
        assertThat(RubyInspect.inspect(RubyString.ascii("ping"))).isEqualTo("\"ping\"");
        assertThat(RubyInspect.inspect("x".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("\"x\"");
    }

    @Test
    void shouldWriteNilSymbolsAndNumbersAsRubyDoes() {
        assertThat(RubyInspect.inspect(null)).isEqualTo("nil");
        assertThat(RubyInspect.inspect(RubySymbol.of("pong"))).isEqualTo(":pong");
        assertThat(RubyInspect.inspect(42L)).isEqualTo("42");
        assertThat(RubyInspect.inspect(true)).isEqualTo("true");
    }

    @Test
    void shouldWriteArraysAndHashes() {
        Map<Object, Object> hash = new LinkedHashMap<>();
        hash.put(RubySymbol.of("utime"), 0.5);
        hash.put("list", Arrays.asList("a", null));

        assertThat(RubyInspect.inspect(hash)).isEqualTo("{:utime=>0.5, \"list\"=>[\"a\", nil]}");
        assertThat(RubyInspect.inspect(List.of())).isEqualTo("[]");
    }

    @Test
    void shouldLeaveStringsBareForToS() {
        assertThat(RubyInspect.plain("centos")).isEqualTo("centos");
        assertThat(RubyInspect.plain(null)).isEmpty();
        assertThat(RubyInspect.plain(List.of("a"))).isEqualTo("[\"a\"]");
    }
}
