package mcollective.rpc;

import java.util.LinkedHashMap;
import java.util.Map;

import mcollective.protocol.codec.RubySymbol;

/**
 * The keys of SimpleRPC hashes. Ruby peers write Symbol keys and read either Symbols or Strings (reference/PROTOCOL.md §6.4),
 * so both message types read through this one class and write Symbols.
 */
final class RubyKeys {
    private RubyKeys() {}

    /** The value under {@code :key}, else under {@code "key"}; null when neither is there. */
    static Object lookup(Map<?, ?> hash, String key) {
        Object value = hash.get(RubySymbol.of(key));
        return value != null ? value : hash.get(key);
    }

    /** A Hash's entries keyed by plain names, Symbols and Strings alike, in wire order; empty for a non-Hash. */
    static Map<String, Object> plain(Object hash) {
        Map<String, Object> plain = new LinkedHashMap<>();
        if (hash instanceof Map<?, ?> map) {
            map.forEach((k, v) -> plain.put(k instanceof RubySymbol s ? s.name() : String.valueOf(k), v));
        }
        return plain;
    }

    /** The entries keyed by Symbols, in order, as a Ruby peer writes them. */
    static Map<Object, Object> symbols(Map<String, ?> map) {
        Map<Object, Object> symbols = new LinkedHashMap<>();
        map.forEach((k, v) -> symbols.put(RubySymbol.of(k), v));
        return symbols;
    }
}
