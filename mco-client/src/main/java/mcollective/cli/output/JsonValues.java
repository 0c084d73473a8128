package mcollective.cli.output;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import mcollective.McollectiveException;

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
        return mcollective.protocol.codec.RubyJson.plain(value);
    }
}
