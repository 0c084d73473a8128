package mcollective.plugins.facts;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import mcollective.McollectiveException;
import mcollective.ruby.RubyValues;

/**
 * Turns ohai's JSON object into flat MCollective facts, as the community ohai fact plugin did: nested objects become
 * dotted keys ({@code cpu.total}), string and number leaves become Strings with Ruby's {@code to_s}
 * ({@code 2} is {@code "2"}, a float prints as {@code Float#to_s}), and arrays, nulls and booleans are dropped.
 * Streams the input, so no tree of the whole document is built. Stateless and thread-safe.
 */
final class OhaiFlattener {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final List<String> whitelist;

    /** @param whitelist key prefixes to keep ({@code cpu} keeps {@code cpu} and {@code cpu.*}); empty keeps all */
    OhaiFlattener(List<String> whitelist) {
        this.whitelist = List.copyOf(whitelist);
    }

    /**
     * @param json the command's stdout; never null
     * @return the facts in document order, unmodifiable; empty if the object had no kept leaves
     * @throws McollectiveException when the input is not exactly one JSON object
     */
    Map<String, Object> flatten(byte[] json) {
        Map<String, Object> facts = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new McollectiveException("output is not a JSON object (starts with " + describe(first) + ")");
            }
            object(parser, "", facts);
            if (parser.nextToken() != null) {
                throw new McollectiveException("output has more after the JSON object");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new McollectiveException(
                    "output is not valid JSON: "
                            + e.getOriginalMessage().lines().findFirst().orElse("")
                            + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()),
                    e);
        } catch (IOException e) {
            throw new McollectiveException("output could not be read: " + e, e);
        }
        return Collections.unmodifiableMap(facts);
    }

    /** Whether a whitelist is set, so that some facts may be dropped. */
    boolean filters() {
        return !whitelist.isEmpty();
    }

    /** Whether a flattened key is kept: it equals a whitelisted prefix or starts with one followed by a dot. */
    boolean keeps(String key) {
        return whitelist.isEmpty() || FactWhitelist.covers(whitelist, key);
    }

    private void object(JsonParser parser, String prefix, Map<String, Object> facts) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = prefix + parser.currentName();
            JsonToken value = parser.nextToken();
            switch (value) {
                case START_OBJECT -> object(parser, key + ".", facts);
                case START_ARRAY -> parser.skipChildren();
                case VALUE_STRING -> put(facts, key, parser.getText());
                case VALUE_NUMBER_INT -> put(facts, key, RubyValues.toS(parser.getNumberValue()));
                case VALUE_NUMBER_FLOAT -> put(facts, key, RubyValues.toS(parser.getDoubleValue()));
                default -> {
                    // null, true and false: the original plugin kept only String and Numeric values
                }
            }
        }
    }

    private void put(Map<String, Object> facts, String key, String value) {
        if (keeps(key)) {
            facts.put(key, value);
        }
    }

    private static String describe(JsonToken token) {
        return token == null ? "nothing" : token.asString() != null ? "'" + token.asString() + "'" : token.name();
    }
}
