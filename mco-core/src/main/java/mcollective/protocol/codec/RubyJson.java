package mcollective.protocol.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decoded Ruby values as plain JSON data, as Ruby's {@code to_json} sees them: Symbols and Strings become text. */
public final class RubyJson {
    private RubyJson() {}

    /** A copy of {@code value} holding only JSON types: Map with String keys, List, String, Number, Boolean, null. */
    public static Object plain(Object value) {
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
