package mcollective.plugins.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import mcollective.protocol.codec.RubyString;
import mcollective.ruby.RubyValues;

/**
 * Ruby 3.1's {@code pretty_print_inspect} ({@code PP.singleline_pp}), as the Ruby audit plugins print request data:
 * {@code inspect}, except that a String of several lines prints as its lines joined by {@code " + "}
 * ({@code "a\n" + "b"}), and an Array or Hash inside itself as {@code [...]} or <code>{...}</code>.
 */
public final class RubyPp {
    private RubyPp() {}

    /** The single-line pretty print of a decoded value; nil prints as {@code nil}. */
    public static String singleLine(Object value) {
        StringBuilder out = new StringBuilder();
        print(value, out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out.toString();
    }

    private static void print(Object value, StringBuilder out, Set<Object> open) {
        if (value instanceof String text) {
            lines(text, out);
        } else if (value instanceof RubyString string && string.text().indexOf('\n') >= 0) {
            lines(string.text(), out);
        } else if (value instanceof List<?> list) {
            if (!open.add(list)) {
                out.append("[...]");
                return;
            }
            out.append('[');
            String separator = "";
            for (Object item : list) {
                out.append(separator);
                print(item, out, open);
                separator = ", ";
            }
            out.append(']');
            open.remove(list);
        } else if (value instanceof Map<?, ?> map) {
            if (!open.add(map)) {
                out.append("{...}");
                return;
            }
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(separator);
                print(entry.getKey(), out, open);
                out.append("=>");
                print(entry.getValue(), out, open);
                separator = ", ";
            }
            out.append('}');
            open.remove(map);
        } else {
            out.append(RubyValues.inspect(value));
        }
    }

    /** {@code String#lines} (each line keeps its {@code \n}), each inspected, joined by {@code " + "}. */
    private static void lines(String text, StringBuilder out) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length() || lines.isEmpty()) {
            lines.add(text.substring(start));
        }
        StringJoiner joiner = new StringJoiner(" + ");
        lines.forEach(line -> joiner.add(RubyValues.quote(line)));
        out.append(joiner);
    }
}
