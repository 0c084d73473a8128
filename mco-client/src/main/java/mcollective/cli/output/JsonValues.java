package mcollective.cli.output;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import mcollective.McollectiveException;
import mcollective.protocol.codec.RubyString;
import mcollective.protocol.codec.RubySymbol;

/** Decoded Ruby values as JSON, as Ruby's {@code to_json} writes them: Symbols as their names, compact or pretty. */
public final class JsonValues {
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonValues() {
    }

    public static String write(Object value, boolean pretty) {
        try {
            return (pretty ? PRETTY : COMPACT).writeValueAsString(plain(value));
        } catch (JsonProcessingException e) {
            throw new McollectiveException("Cannot write JSON: " + e.getOriginalMessage());
        }
    }

    static Object plain(Object value) {
        if (value instanceof RubySymbol s) {
            return s.name();
        }
        if (value instanceof RubyString s) {
            return s.text();
        }
        if (value instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(plain(k)), plain(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        return value;
    }
}
