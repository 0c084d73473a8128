package mcollective.ddl.ruby;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

import mcollective.ddl.DdlException;
import mcollective.ddl.ruby.RubyDslLexer.Token;
import mcollective.ddl.ruby.RubyDslLexer.Type;
import mcollective.protocol.codec.Limits;
import mcollective.protocol.codec.RubyRegexp;
import mcollective.protocol.codec.RubySymbol;

/**
 * The syntax half of {@link RubyDdlParser}: reads DDL source into {@link RubyCall}s: statements are method calls with or without parentheses, optional
 * {@code do ... end} or {@code { }} blocks; arguments are literals, arrays, hashes ({@code =>} or {@code key:}),
 * regex literals and nested calls. A loop over a literal list, {@code %w{start stop}.each do |act| ... end}, is
 * unrolled: its body is repeated for each element, with the bare variable and {@code "#{act}"} or
 * {@code "#{act.capitalize}"} in double-quoted strings replaced by the element. What it does not understand is a
 * {@link DdlException} naming file and line.
 */
final class RubyCallParser {
    private final String file;
    private List<Token> tokens;
    private int pos;
    /** Blocks, Arrays and Hashes open at this point, bounded by {@link Limits#DDL_DEPTH}. */
    private int depth;

    private RubyCallParser(String file) {
        this.file = file;
    }

    /** The top-level calls of {@code source}; {@code file} names it in error messages. */
    static List<RubyCall> parse(String source, String file) {
        RubyCallParser parser = new RubyCallParser(file);
        parser.tokens = new RubyDslLexer(source, file).tokens();
        List<RubyCall> calls = parser.statements(false);
        return calls.stream().map(c -> parser.substitute(c, Map.of())).toList();
    }

    private List<RubyCall> statements(boolean inBlock) {
        List<RubyCall> calls = new ArrayList<>();
        while (true) {
            skipNewlines();
            Token t = peek();
            if (t.type() == Type.EOF) {
                if (inBlock) {
                    throw error(t, "missing 'end'");
                }
                return calls;
            }
            if (inBlock && (isIdent(t, "end") || isPunct(t, "}"))) {
                return calls;
            }
            if (t.type() == Type.WORDS || isPunct(t, "[")) {
                calls.addAll(loop());
            } else {
                calls.add(statement());
            }
        }
    }

    /** {@code LIST.each do |var| ... end} (or with braces), unrolled; the variables are substituted later. */
    private List<RubyCall> loop() {
        Token start = peek();
        Object list = value();
        if (!(list instanceof List<?> items) || !isPunct(peek(), ".")) {
            throw error(start, "expected a DDL statement but found '" + shown(start) + "'");
        }
        next();
        expectIdent("each");
        boolean braces = isPunct(peek(), "{");
        if (!braces) {
            expectIdent("do");
        } else {
            next();
        }
        expect("|");
        Token variable = next();
        if (variable.type() != Type.IDENT) {
            throw error(variable, "expected a loop variable but found '" + shown(variable) + "'");
        }
        expect("|");
        List<RubyCall> body = statements(true);
        if (braces) {
            expect("}");
        } else {
            expectIdent("end");
        }
        if (!endsStatement(peek())) {
            throw error(peek(), "unexpected '" + shown(peek()) + "' after an each loop");
        }
        List<RubyCall> unrolled = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String) && !(item instanceof RubySymbol)) {
                throw error(start, "each loops in a DDL can only go over strings and symbols");
            }
            String value = item instanceof RubySymbol symbol ? symbol.name() : (String) item;
            for (RubyCall call : body) {
                unrolled.add(substitute(call, Map.of(variable.text(), value)));
            }
        }
        return unrolled;
    }

    /** {@code call} with the loop variables in {@code vars} filled in, everywhere in its arguments and block. */
    private RubyCall substitute(RubyCall call, Map<String, String> vars) {
        List<Object> args = new ArrayList<>();
        call.args().forEach(a -> args.add(substituteValue(a, vars, call.line())));
        Map<String, Object> hash = new LinkedHashMap<>();
        call.hash().forEach((k, v) -> hash.put(k, substituteValue(v, vars, call.line())));
        List<RubyCall> block =
                call.block().stream().map(c -> substitute(c, vars)).toList();
        return new RubyCall(call.name(), args, hash, block, call.line());
    }

    private Object substituteValue(Object value, Map<String, String> vars, int line) {
        if (value instanceof RubyCall.Template template) {
            Matcher m = RubyEscapes.TEMPLATE.matcher(template.text());
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String variable = vars.get(m.group(1));
                if (variable == null) {
                    throw new DdlException(file + ":" + line + ": string interpolation is not supported in a DDL"
                            + " outside an each loop: " + m.group());
                }
                m.appendReplacement(out, Matcher.quoteReplacement(applyCase(variable, m.group(2))));
            }
            m.appendTail(out);
            return out.toString();
        }
        if (value instanceof RubyCall call) {
            if (call.args().isEmpty()
                    && call.hash().isEmpty()
                    && call.block().isEmpty()
                    && vars.containsKey(call.name())) {
                return vars.get(call.name());
            }
            return substitute(call, vars);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(substituteValue(v, vars, line)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), substituteValue(v, vars, line)));
            return out;
        }
        return value;
    }

    /** Applies a chain such as {@code .to_s.capitalize}; {@code to_s} and {@code to_sym} leave the text alone. */
    private static String applyCase(String value, String methods) {
        String out = value;
        for (String method : methods.split("\\.")) {
            out = switch (method) {
                case "upcase" -> out.toUpperCase(Locale.ROOT);
                case "downcase" -> out.toLowerCase(Locale.ROOT);
                case "capitalize" ->
                    out.isEmpty()
                            ? out
                            : out.substring(0, 1).toUpperCase(Locale.ROOT)
                                    + out.substring(1).toLowerCase(Locale.ROOT);
                default -> out;
            };
        }
        return out;
    }

    private RubyCall statement() {
        Token name = next();
        if (name.type() != Type.IDENT) {
            throw error(name, "expected a DDL statement but found '" + shown(name) + "'");
        }
        List<Object> args = new ArrayList<>();
        Map<String, Object> hash = new LinkedHashMap<>();
        Token t = peek();
        if (isPunct(t, "(") && tokens.get(pos - 1).line() == t.line()) {
            next();
            arguments(args, hash, ")");
            expect(")");
        } else if (!endsStatement(t) && !isIdent(t, "do") && !isPunct(t, "{")) {
            arguments(args, hash, null);
        }
        List<RubyCall> block = List.of();
        if (isIdent(peek(), "do")) {
            enter(next());
            block = statements(true);
            expectIdent("end");
            depth--;
        } else if (isPunct(peek(), "{")) {
            enter(next());
            block = statements(true);
            expect("}");
            depth--;
        }
        if (!endsStatement(peek())) {
            throw error(peek(), "unexpected '" + shown(peek()) + "' after " + name.text());
        }
        return new RubyCall(name.text(), args, hash, block, name.line());
    }

    private void arguments(List<Object> args, Map<String, Object> hash, String close) {
        while (true) {
            if (close != null) {
                skipNewlines();
                if (isPunct(peek(), close)) {
                    return;
                }
            }
            Token t = peek();
            if (t.type() == Type.LABEL) {
                next();
                hash.put(t.text(), value());
            } else {
                Object value = value();
                if (isPunct(peek(), "=>")) {
                    next();
                    skipNewlines();
                    hash.put(key(value, t), value());
                } else if (!hash.isEmpty()) {
                    throw error(t, "positional argument after hash arguments");
                } else {
                    args.add(value);
                }
            }
            if (!isPunct(peek(), ",")) {
                return;
            }
            next();
            skipNewlines();
        }
    }

    private String key(Object value, Token at) {
        if (value instanceof RubySymbol s) {
            return s.name();
        }
        if (value instanceof String s) {
            return s;
        }
        throw error(at, "hash keys must be symbols or strings");
    }

    private Object value() {
        Token t = next();
        switch (t.type()) {
            case STRING:
                return t.extra().equals("template") ? new RubyCall.Template(t.text()) : t.text();
            case SYMBOL:
                return RubySymbol.of(t.text());
            case INT:
                try {
                    return Long.parseLong(t.text());
                } catch (NumberFormatException e) {
                    throw error(t, "integer " + t.text() + " is out of range");
                }
            case FLOAT:
                return Double.parseDouble(t.text());
            case REGEX:
                return RubyRegexp.literal(t.text(), t.extra());
            case WORDS:
                return t.text().isBlank()
                        ? new ArrayList<>()
                        : new ArrayList<Object>(Arrays.asList(t.text().strip().split("\\s+")));
            case IDENT:
                return identValue(t);
            case PUNCT:
                if (t.text().equals("[")) {
                    enter(t);
                    List<Object> list = new ArrayList<>();
                    skipNewlines();
                    while (!isPunct(peek(), "]")) {
                        list.add(value());
                        skipNewlines();
                        if (isPunct(peek(), ",")) {
                            next();
                            skipNewlines();
                        } else if (!isPunct(peek(), "]")) {
                            throw error(peek(), "expected ',' or ']' in an array but found '" + shown(peek()) + "'");
                        }
                    }
                    next();
                    depth--;
                    return list;
                }
                if (t.text().equals("{")) {
                    enter(t);
                    Map<String, Object> map = new LinkedHashMap<>();
                    List<Object> ignored = new ArrayList<>();
                    arguments(ignored, map, "}");
                    expect("}");
                    if (!ignored.isEmpty()) {
                        throw error(t, "a hash needs key => value pairs");
                    }
                    depth--;
                    return map;
                }
                throw error(t, "unexpected '" + t.text() + "'");
            default:
                throw error(t, "unexpected " + (t.type() == Type.NEWLINE ? "end of line" : "'" + t.text() + "'"));
        }
    }

    private Object identValue(Token t) {
        switch (t.text()) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "nil":
                return null;
            default:
                break;
        }
        if (isPunct(peek(), ".")) {
            StringBuilder chain = new StringBuilder(t.text());
            while (isPunct(peek(), ".")) {
                next();
                Token method = next();
                chain.append('.').append(method.text());
            }
            String template = "#{" + chain + "}";
            if (!RubyEscapes.TEMPLATE.matcher(template).matches()) {
                throw error(
                        t,
                        "only a loop variable with capitalize, upcase, downcase, to_s or to_sym can be used"
                                + " here, not " + chain);
            }
            return new RubyCall.Template(template);
        }
        List<Object> args = new ArrayList<>();
        Map<String, Object> hash = new LinkedHashMap<>();
        if (isPunct(peek(), "(")) {
            next();
            arguments(args, hash, ")");
            expect(")");
        } else if (!endsStatement(peek()) && !isPunct(peek(), ",") && !isPunct(peek(), ")") && !isIdent(peek(), "do")) {
            arguments(args, hash, null);
        }
        return new RubyCall(t.text(), args, hash, List.of(), t.line());
    }

    private boolean endsStatement(Token t) {
        return t.type() == Type.NEWLINE || t.type() == Type.EOF || isIdent(t, "end") || isPunct(t, "}");
    }

    private void skipNewlines() {
        while (peek().type() == Type.NEWLINE) {
            pos++;
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private void expect(String punct) {
        Token t = next();
        if (!isPunct(t, punct)) {
            throw error(t, "expected '" + punct + "' but found '" + shown(t) + "'");
        }
    }

    private void expectIdent(String word) {
        Token t = next();
        if (!isIdent(t, word)) {
            throw error(t, "expected '" + word + "' but found '" + shown(t) + "'");
        }
    }

    private static String shown(Token t) {
        return switch (t.type()) {
            case NEWLINE -> "end of line";
            case EOF -> "end of file";
            default -> t.text();
        };
    }

    private static boolean isPunct(Token t, String text) {
        return t.type() == Type.PUNCT && t.text().equals(text);
    }

    private static boolean isIdent(Token t, String text) {
        return t.type() == Type.IDENT && t.text().equals(text);
    }

    private void enter(Token t) {
        Limits.checkDepth(++depth, Limits.DDL_DEPTH, "DDL", message -> error(t, message));
    }

    private DdlException error(Token t, String message) {
        return new DdlException(file + ":" + t.line() + ": " + message);
    }
}
