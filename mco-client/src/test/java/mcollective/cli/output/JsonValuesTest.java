package mcollective.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import mcollective.protocol.codec.RubySymbol;

/** Decoded values as {@code mco rpc -j} writes them: Symbols as their names, compact or pretty. */
class JsonValuesTest {

    static Map<Object, Object> result() {
        Map<Object, Object> result = new LinkedHashMap<>();
        result.put("sender", "node1.example.net");
        result.put("data", Map.of(RubySymbol.of("state"), RubySymbol.of("running")));
        return result;
    }

    @Test
    void shouldWriteSymbolsAsTheirNames() {
        assertThat(JsonValues.write(List.of(result()), false))
                .isEqualTo("[{\"sender\":\"node1.example.net\",\"data\":{\"state\":\"running\"}}]");
    }

    @Test
    void shouldIndentWhenPretty() {
        assertThat(JsonValues.write(result(), true)).contains("\n").contains("\"state\" : \"running\"");
    }
}
