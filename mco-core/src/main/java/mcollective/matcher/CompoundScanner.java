package mcollective.matcher;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Port of lib/mcollective/matcher/scanner.rb: splits a {@code -S} string into the tokens of the compound language,
 * one at a time, with every quirk of the original (so that the callstacks match what Ruby clients send):
 * {@code and}/{@code or}/{@code not} are keywords only when a space or {@code (} follows; {@code !} is {@code not};
 * quoted text ({@code '…'}, {@code "…"}, backslash escapes) is kept without its quotes; {@code /…/} is kept whole;
 * spaces around a comparison are dropped ({@code country = uk} is {@code country=uk}); {@code name(…)} starts a data
 * function ({@code fstatement}); odd slashes, {@code /re/=x}, {@code x/=y} and {@code bar(} are bad tokens.
 *
 * <p>Like the Ruby scanner it is a cursor the {@link CompoundParser} moves: {@link #token()} reads the token at
 * {@link #index()} and leaves the index on that token's last character; {@link #advance()} steps past it. Not
 * thread-safe; one instance per input.
 */
public final class CompoundScanner {
    private static final int NIL = -1;
    private static final int FLAGS = Pattern.MULTILINE | Pattern.UNIX_LINES;
    private static final Pattern OPEN_CALL = Pattern.compile(".+?\\($", FLAGS);
    private static final Pattern REGEX_COMPARED = Pattern.compile("^/.+?/(<|>|=).+", FLAGS);
    private static final Pattern SLASH_COMPARED = Pattern.compile("^.+?/(<|>|=).+", FLAGS);
    private static final Pattern COMPARISON = Pattern.compile("^.+(=|<|>).+$", FLAGS);
    private static final Pattern SINGLE_QUOTED_CALL = Pattern.compile(
            "^.+?\\((\\s*(')[^']*(')\\s*(,\\s*(')[^']*('))*)?\\)(\\.[a-zA-Z0-9_]+)?((!=|<=|>=|=|>|<).+)?$", FLAGS);
    private static final Pattern DOUBLE_QUOTED_CALL = Pattern.compile(
            "^.+?\\((\\s*(\")[^\"]*(\")\\s*(,\\s*(\")[^\"]*(\"))*)?\\)(\\.[a-zA-Z0-9_]+)?((!=|<=|>=|=|>|<).+)?$",
            FLAGS);

    /** The kinds of token; {@link #rubyName()} is the callstack key Ruby uses. */
    public enum Type {
        OPEN("("),
        CLOSE(")"),
        AND("and"),
        OR("or"),
        NOT("not"),
        SPACE(" "),
        STATEMENT("statement"),
        FSTATEMENT("fstatement"),
        BAD_TOKEN("bad_token");

        private final String rubyName;

        Type(String rubyName) {
            this.rubyName = rubyName;
        }

        /** @return the token's name in scanner.rb, and its key in a callstack entry */
        public String rubyName() {
            return rubyName;
        }
    }

    /**
     * One token.
     *
     * @param type  its kind; never null
     * @param value its text ({@code "("}, {@code "and"}, the statement without quotes, ...); never null
     */
    public record Token(Type type, String value) {}

    private final String input;
    private final int[] chars;
    private int index;
    private int whiteSpaces;
    private int separationCounter;

    /** @param input the {@code -S} argument; never null */
    public CompoundScanner(String input) {
        this.input = input;
        this.chars = input.codePoints().toArray();
    }

    /** @return the position of the cursor, in characters */
    public int index() {
        return index;
    }

    /** @return the length of the input, in characters */
    public int size() {
        return chars.length;
    }

    /** Steps the cursor past the current character (the parser's {@code token_index += 1}). */
    public void advance() {
        index++;
    }

    /**
     * Ruby's {@code get_token}: the token at the cursor, leaving the cursor on its last character.
     *
     * @return the token, or empty at the end of the input
     * @throws CompoundFilterException where the Ruby scanner raises while tokenizing (a trailing backslash in a regex)
     */
    public Optional<Token> token() {
        if (index >= chars.length) {
            return Optional.empty();
        }
        return Optional.of(
                switch (chars[index]) {
                    case '(' -> new Token(Type.OPEN, "(");
                    case ')' -> new Token(Type.CLOSE, ")");
                    case '!' -> new Token(Type.NOT, "not");
                    case ' ' -> new Token(Type.SPACE, " ");
                    case 'n' -> keyword("not", Type.NOT);
                    case 'a' -> keyword("and", Type.AND);
                    case 'o' -> keyword("or", Type.OR);
                    default -> statement();
                });
    }

    private Token keyword(String word, Type type) {
        int after = index + word.length();
        for (int i = 1; i < word.length(); i++) {
            if (at(index + i) != word.charAt(i)) {
                return statement();
            }
        }
        if (at(after) != ' ' && at(after) != '(') {
            return statement();
        }
        index = after - 1;
        return new Token(type, word);
    }

    /** Ruby's {@code gen_statement}. */
    private Token statement() {
        boolean func = false;
        boolean escaped = false;
        StringBuilder value = new StringBuilder();
        int j = index;
        if (at(j) == '/') {
            do {
                value.appendCodePoint(chars[j++]);
            } while (j < chars.length && !whiteSpace(at(j)));
        } else if (comparison(at(j))) {
            value.appendCodePoint(chars[j++]);
            if (at(j) == '/') {
                do {
                    value.appendCodePoint(chars[j++]);
                    if (at(j) == '/') {
                        value.append('/');
                        break;
                    }
                } while (j < chars.length && at(j) != '/');
                while (j < chars.length && at(j) != ' ' && at(j) != ')') {
                    value.appendCodePoint(chars[j++]);
                }
            }
        } else {
            do {
                if (at(j) == '/') {
                    value.append('/');
                    j++;
                    while (j < chars.length && at(j) != '/') {
                        if (at(j) == '\\') {
                            value.append('\\');
                            j++;
                            escaped = true;
                        }
                        if (j >= chars.length) {
                            // Ruby appends nil here and its rescue turns the TypeError into this message
                            throw new CompoundFilterException("An exception was raised while trying to tokenize '"
                                    + value + " - no implicit conversion of nil into String'");
                        }
                        value.appendCodePoint(chars[j++]);
                    }
                    if (j < chars.length) {
                        value.appendCodePoint(chars[j]);
                    }
                    break;
                }
                if (at(j) == '(') {
                    func = true;
                    value.append('(');
                    j++;
                    while (j < chars.length) {
                        value.appendCodePoint(chars[j]);
                        if (chars[j++] == ')') {
                            break;
                        }
                    }
                } else if (at(j) == '"' || at(j) == '\'') {
                    escaped = true;
                    int quote = chars[j++];
                    whiteSpaces++;
                    while (j < chars.length) {
                        if (chars[j] == '\\') {
                            j++;
                            whiteSpaces++;
                            if (j >= chars.length) {
                                break;
                            }
                        } else if (chars[j] == quote) {
                            j++;
                            whiteSpaces++;
                            break;
                        }
                        value.appendCodePoint(chars[j++]);
                    }
                } else {
                    value.appendCodePoint(chars[j++]);
                }
                if (at(j) == ' ' && isClass(j) && !comparison(at(j - 1))) {
                    break;
                }
                if (at(j) == ' '
                        && separationCounter < 2
                        && !COMPARISON.matcher(value).find()) {
                    int next = lookahead(j);
                    if (next != NIL) {
                        j = next;
                    }
                }
            } while (j < chars.length && !whiteSpace(at(j)) && at(j) != ')');
            separationCounter = 0;
        }
        String text = value.toString();
        int length = (int) text.codePoints().count();
        index += length + whiteSpaces - 1;
        whiteSpaces = 0;
        return classify(text, func, escaped);
    }

    private static Token classify(String text, boolean func, boolean escaped) {
        if (OPEN_CALL.matcher(text).find()
                || REGEX_COMPARED.matcher(text).find()
                || SLASH_COMPARED.matcher(text).find()) {
            return new Token(Type.BAD_TOKEN, text);
        }
        if (func) {
            boolean call = SINGLE_QUOTED_CALL.matcher(text).find()
                    || DOUBLE_QUOTED_CALL.matcher(text).find();
            return new Token(call ? Type.FSTATEMENT : Type.BAD_TOKEN, text);
        }
        if (escaped) {
            return new Token(Type.STATEMENT, text);
        }
        long slashes = text.chars().filter(c -> c == '/').count();
        return new Token(slashes % 2 == 1 ? Type.BAD_TOKEN : Type.STATEMENT, text);
    }

    /** Ruby's {@code is_klass?}: is the next non-space character something other than a comparison? */
    private boolean isClass(int j) {
        while (j < chars.length && chars[j] == ' ') {
            j++;
        }
        return !comparison(at(j));
    }

    /** Ruby's {@code lookahead}: the next non-white-space position, counting the skipped characters. */
    private int lookahead(int from) {
        for (int i = from + 1; i <= chars.length; i++) {
            whiteSpaces++;
            if (!whiteSpace(at(i))) {
                separationCounter++;
                return i;
            }
        }
        return NIL;
    }

    private int at(int i) {
        return i >= 0 && i < chars.length ? chars[i] : NIL;
    }

    private static boolean comparison(int c) {
        return c == '=' || c == '<' || c == '>';
    }

    /** Ruby's {@code \s}: space, tab, newline, vertical tab, form feed, carriage return. */
    private static boolean whiteSpace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    @Override
    public String toString() {
        return "CompoundScanner[" + input + " @" + index + "]";
    }
}
