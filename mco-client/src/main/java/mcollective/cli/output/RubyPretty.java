package mcollective.cli.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ruby's {@code pretty_inspect} (pp, 79 columns): Arrays and Hashes stay on one line when they fit, otherwise every
 * element goes on its own line, indented one column per bracket, and a Hash value that does not fit after
 * {@code key=>} moves to the next line. {@code mco rpc} prints non-scalar outputs this way.
 */
public final class RubyPretty {
    private static final int WIDTH = 79;

    private sealed interface Doc permits Text, Break, Group {}

    private record Text(String text) implements Doc {}

    private record Break(String separator) implements Doc {}

    private record Group(int indent, List<Doc> docs) implements Doc {}

    private final StringBuilder out = new StringBuilder();
    private int column;

    private RubyPretty() {}

    /** The pretty text of a decoded value, without a trailing newline. */
    public static String pretty(Object value) {
        RubyPretty printer = new RubyPretty();
        Group root = new Group(0, List.of(doc(value)));
        printer.render(root.docs(), false, 0, 0);
        return printer.out.toString();
    }

    private static Doc doc(Object value) {
        if (value instanceof List<?> list) {
            List<Doc> docs = new ArrayList<>();
            docs.add(new Text("["));
            List<Doc> inner = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    inner.add(new Text(","));
                    inner.add(new Break(" "));
                }
                inner.add(doc(list.get(i)));
            }
            docs.add(new Group(1, inner));
            docs.add(new Text("]"));
            return new Group(0, docs);
        }
        if (value instanceof Map<?, ?> map) {
            List<Doc> docs = new ArrayList<>();
            docs.add(new Text("{"));
            List<Doc> inner = new ArrayList<>();
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    inner.add(new Text(","));
                    inner.add(new Break(" "));
                }
                first = false;
                Object key = entry.getKey();
                inner.add(new Group(
                        0,
                        List.of(
                                doc(key),
                                new Text("=>"),
                                new Group(1, List.of(new Break(""), doc(entry.getValue()))))));
            }
            docs.add(new Group(1, inner));
            docs.add(new Text("}"));
            return new Group(0, docs);
        }
        return new Text(RubyInspect.inspect(value));
    }

    private void render(List<Doc> docs, boolean flat, int indent, int trailing) {
        for (int i = 0; i < docs.size(); i++) {
            Doc doc = docs.get(i);
            if (doc instanceof Text text) {
                out.append(text.text());
                column += text.text().length();
            } else if (doc instanceof Break br) {
                if (flat) {
                    out.append(br.separator());
                    column += br.separator().length();
                } else {
                    out.append('\n').append(" ".repeat(indent));
                    column = indent;
                }
            } else if (doc instanceof Group group) {
                int after = trailing(docs, i + 1, trailing);
                boolean fits = flat || column + width(group) + after <= WIDTH;
                render(group.docs(), fits, indent + group.indent(), after);
            }
        }
    }

    /** The flat width of what follows, up to the first place a line could break. */
    private static int trailing(List<Doc> docs, int from, int outer) {
        int width = 0;
        for (int i = from; i < docs.size(); i++) {
            Doc doc = docs.get(i);
            if (doc instanceof Break) {
                return width;
            }
            width += width(doc);
        }
        return width + outer;
    }

    private static int width(Doc doc) {
        if (doc instanceof Text text) {
            return text.text().length();
        }
        if (doc instanceof Break br) {
            return br.separator().length();
        }
        int width = 0;
        for (Doc inner : ((Group) doc).docs()) {
            width += width(inner);
        }
        return width;
    }
}
