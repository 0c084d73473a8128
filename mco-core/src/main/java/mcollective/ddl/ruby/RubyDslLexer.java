package mcollective.ddl.ruby;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import mcollective.ddl.DdlException;

/**
 * Splits DDL source into tokens: the subset of Ruby the DDL DSL uses (identifiers, labels, symbols, strings with
 * escapes, {@code %q()}/{@code %Q()}/{@code %w()}, heredocs, numbers, regex literals, punctuation, newlines; comments
 * and {@code __END__} are skipped). No Ruby is evaluated; a {@code #{...}} in a double-quoted string is kept only as
 * a loop variable for {@link RubyCallParser} to fill in, and refused in a regex literal.
 */
final class RubyDslLexer {
    enum Type {
        IDENT,
        SYMBOL,
        STRING,
        WORDS,
        INT,
        FLOAT,
        REGEX,
        PUNCT,
        LABEL,
        NEWLINE,
        EOF
    }

    /**
     * One token; {@code extra} holds a regex literal's options ({@code i}, {@code m}, {@code x}) and is "" for
     * every other token.
     */
    record Token(Type type, String text, int line, String extra) {
        Token(Type type, String text, int line) {
            this(type, text, line, "");
        }
    }

    private final String src;
    private final String file;
    private int pos;
    private int line = 1;
    private final List<Token> tokens = new ArrayList<>();
    private final Deque<String[]> heredocs = new ArrayDeque<>();

    RubyDslLexer(String src, String file) {
        this.src = src;
        this.file = file;
    }

    List<Token> tokens() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                add(Type.NEWLINE, "\n");
                pos++;
                line++;
                readHeredocBodies();
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && peek(1) == '\n') {
                pos += 2;
                line++;
            } else if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (src.startsWith("__END__", pos)
                    && (pos == 0 || src.charAt(pos - 1) == '\n')
                    && (pos + 7 == src.length() || src.charAt(pos + 7) == '\n' || src.charAt(pos + 7) == '\r')) {
                break;
            } else if (c == '"' || c == '\'') {
                pos++;
                addString(quoted(c), c);
            } else if (c == '%' && "qQw".indexOf(peek(1)) >= 0 && "({[<|!/".indexOf(peek(2)) >= 0) {
                char flavour = peek(1);
                pos += 2;
                String body = percent();
                if (flavour == 'w') {
                    add(Type.WORDS, body);
                } else {
                    char quote = flavour == 'Q' ? '"' : '\'';
                    addString(unescape(body, quote), quote);
                }
            } else if (c == '<'
                    && peek(1) == '<'
                    && (peek(2) == '-'
                            || peek(2) == '~'
                            || Character.isUpperCase(peek(2))
                            || peek(2) == '\''
                            || peek(2) == '"')) {
                heredocStart();
            } else if (c == ':' && (peek(1) == '"' || peek(1) == '\'')) {
                char quote = peek(1);
                pos += 2;
                add(Type.SYMBOL, quoted(quote));
            } else if (c == ':' && isIdentStart(peek(1))) {
                pos++;
                add(Type.SYMBOL, identifier());
            } else if (Character.isDigit(c) || (c == '-' && Character.isDigit(peek(1)) && valuePosition())) {
                number();
            } else if (c == '/' && valuePosition()) {
                pos++;
                int lineAtStart = line;
                String source = regex();
                int flagsStart = pos;
                while (pos < src.length() && "imxo".indexOf(src.charAt(pos)) >= 0) {
                    pos++;
                }
                tokens.add(new Token(
                        Type.REGEX,
                        source,
                        lineAtStart,
                        src.substring(flagsStart, pos).replace("o", "")));
            } else if (isIdentStart(c)) {
                String word = identifier();
                if (pos < src.length() && src.charAt(pos) == ':' && peek(1) != ':') {
                    pos++;
                    add(Type.LABEL, word);
                } else {
                    add(Type.IDENT, word);
                }
            } else if (c == '=' && peek(1) == '>') {
                pos += 2;
                add(Type.PUNCT, "=>");
            } else if ("(),[]{}.|".indexOf(c) >= 0) {
                pos++;
                add(Type.PUNCT, String.valueOf(c));
            } else {
                throw error("unexpected character '" + c + "'");
            }
        }
        if (!heredocs.isEmpty()) {
            throw error("unterminated heredoc " + heredocs.peek()[0]);
        }
        add(Type.NEWLINE, "\n");
        add(Type.EOF, "");
        return tokens;
    }

    private boolean valuePosition() {
        if (tokens.isEmpty()) {
            return true;
        }
        Token last = tokens.get(tokens.size() - 1);
        return last.type() == Type.PUNCT
                || last.type() == Type.LABEL
                || last.type() == Type.NEWLINE
                || (last.type() == Type.IDENT && pos > 0 && src.charAt(pos - 1) == ' ' && peek(1) != ' ');
    }

    private void number() {
        int start = pos;
        if (src.charAt(pos) == '-') {
            pos++;
        }
        while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        boolean isFloat = false;
        if (pos < src.length() - 1 && src.charAt(pos) == '.' && Character.isDigit(src.charAt(pos + 1))) {
            isFloat = true;
            pos++;
            while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
        }
        if ((peek(0) == 'e' || peek(0) == 'E')
                && (Character.isDigit(peek(1)) || ((peek(1) == '-' || peek(1) == '+') && Character.isDigit(peek(2))))) {
            isFloat = true;
            pos += 2;
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                pos++;
            }
        }
        if (pos < src.length() && isIdentStart(src.charAt(pos))) {
            throw error("unexpected '" + src.charAt(pos) + "' after the number " + src.substring(start, pos));
        }
        add(isFloat ? Type.FLOAT : Type.INT, src.substring(start, pos).replace("_", ""));
    }

    private String identifier() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        if (pos < src.length() && (src.charAt(pos) == '?' || src.charAt(pos) == '!')) {
            pos++;
        }
        return src.substring(start, pos);
    }

    private static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    /** A quoted string after its opening quote, with Ruby's escapes for that kind of quote. */
    private String quoted(char quote) {
        int start = pos;
        int startLine = line;
        while (true) {
            if (pos >= src.length()) {
                line = startLine;
                throw error("unterminated string");
            }
            char c = src.charAt(pos++);
            if (c == quote) {
                return unescape(src.substring(start, pos - 1), quote);
            }
            if (c == '\\' && pos < src.length()) {
                c = src.charAt(pos++);
            }
            if (c == '\n') {
                line++;
            }
        }
    }

    private String unescape(String raw, char quote) {
        return RubyEscapes.unescape(raw, quote, this::error);
    }

    private String percent() {
        char open = src.charAt(pos++);
        char close = switch (open) {
            case '(' -> ')';
            case '{' -> '}';
            case '[' -> ']';
            case '<' -> '>';
            default -> open;
        };
        int depth = 1;
        StringBuilder out = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == '\n') {
                line++;
            }
            if (c == open && open != close) {
                depth++;
            } else if (c == close && --depth == 0) {
                return out.toString();
            }
            out.append(c);
        }
        throw error("unterminated %q string");
    }

    private String regex() {
        StringBuilder out = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == '\\' && pos < src.length()) {
                out.append(c).append(src.charAt(pos++));
            } else if (c == '#' && pos < src.length() && src.charAt(pos) == '{') {
                throw error("string interpolation is not supported in a DDL: regular expression /" + out + "#{");
            } else if (c == '/') {
                return out.toString();
            } else if (c == '\n') {
                throw error("unterminated regular expression");
            } else {
                out.append(c);
            }
        }
        throw error("unterminated regular expression");
    }

    /** {@code <<-EOS}, {@code <<~EOS}, {@code <<EOS}: the body follows from the next line. */
    private void heredocStart() {
        pos += 2;
        char flavour = src.charAt(pos);
        if (flavour == '-' || flavour == '~') {
            pos++;
        } else {
            flavour = ' ';
        }
        String tag;
        char quote = '"';
        if (src.charAt(pos) == '\'' || src.charAt(pos) == '"') {
            quote = src.charAt(pos++);
            int end = src.indexOf(quote, pos);
            if (end < 0 || src.substring(pos, end).contains("\n")) {
                throw error("unterminated heredoc tag");
            }
            tag = src.substring(pos, end);
            pos = end + 1;
        } else {
            tag = identifier();
        }
        tokens.add(new Token(Type.STRING, "", line));
        heredocs.add(
                new String[] {tag, String.valueOf(flavour), Integer.toString(tokens.size() - 1), String.valueOf(quote)
                });
    }

    private void readHeredocBodies() {
        while (!heredocs.isEmpty()) {
            String[] doc = heredocs.poll();
            List<String> lines = new ArrayList<>();
            while (true) {
                if (pos >= src.length()) {
                    throw error("unterminated heredoc " + doc[0]);
                }
                int end = src.indexOf('\n', pos);
                String text = src.substring(pos, end < 0 ? src.length() : end);
                pos = end < 0 ? src.length() : end + 1;
                line++;
                String candidate = doc[1].equals(" ") ? text.stripTrailing() : text.strip();
                if (candidate.equals(doc[0])) {
                    break;
                }
                lines.add(text);
            }
            if (doc[1].equals("~")) {
                int indent = lines.stream()
                        .filter(l -> !l.isBlank())
                        .mapToInt(l -> l.length() - l.stripLeading().length())
                        .min()
                        .orElse(0);
                lines.replaceAll(l -> l.length() >= indent ? l.substring(indent) : l.strip());
            }
            int index = Integer.parseInt(doc[2]);
            Token old = tokens.get(index);
            String body = String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
            int current = line;
            line = old.line();
            body = unescape(body, doc[3].charAt(0));
            line = current;
            tokens.set(index, stringToken(body, doc[3].charAt(0), old.line()));
        }
    }

    private char peek(int ahead) {
        return pos + ahead < src.length() ? src.charAt(pos + ahead) : '\0';
    }

    private void addString(String text, char quote) {
        tokens.add(stringToken(text, quote, line));
    }

    /** A string token; a double-quoted one holding {@code #{var}} is marked {@code extra = "template"}. */
    private static Token stringToken(String text, char quote, int line) {
        boolean template = quote == '"' && RubyEscapes.TEMPLATE.matcher(text).find();
        return new Token(Type.STRING, text, line, template ? "template" : "");
    }

    private void add(Type type, String text) {
        tokens.add(new Token(type, text, line));
    }

    private DdlException error(String message) {
        return new DdlException(file + ":" + line + ": " + message);
    }
}
