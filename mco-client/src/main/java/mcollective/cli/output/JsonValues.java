package mcollective.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import mcollective.McollectiveException;
import mcollective.protocol.codec.Json;
import mcollective.protocol.codec.RubyJson;

/** Decoded Ruby values as JSON, as Ruby's {@code to_json} writes them: Symbols as their names, compact or pretty. */
public final class JsonValues {
    private static final ObjectMapper COMPACT = Json.mapper();
    private static final ObjectMapper PRETTY = Json.pretty();

    private JsonValues() {}

    public static String write(Object value, boolean pretty) {
        try {
            return (pretty ? PRETTY : COMPACT).writeValueAsString(plain(value));
        } catch (JsonProcessingException e) {
            throw new McollectiveException("Cannot write JSON: " + e.getOriginalMessage());
        }
    }

    static Object plain(Object value) {
        return RubyJson.plain(value);
    }
}
