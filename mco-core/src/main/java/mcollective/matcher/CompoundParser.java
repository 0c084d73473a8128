package mcollective.matcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import mcollective.matcher.CompoundScanner.Token;
import mcollective.matcher.CompoundScanner.Type;
import mcollective.protocol.codec.Limits;

/**
 * Port of lib/mcollective/matcher/parser.rb and {@code Matcher.create_compound_callstack}: turns a {@code -S} argument
 * into the callstack a Ruby client sends, a list of single-entry maps ({@code {"statement"=>"country=uk"}},
 * {@code {"and"=>"and"}}, {@code {"or"=>"or"}}, {@code {"not"=>"not"}}, {@code {"("=>"("}}, {@code {")"=>")"}},
 * {@code {"fstatement"=>{"r_compare", "operator", "value", "name", "params"}}}), and refuses malformed input with
 * Ruby's messages. The grammar checks are Ruby's, token by token: each token is judged by the one after it, spaces
 * skipped.
 *
 * <p>{@link #rubyCallstack(String)} is exactly Ruby's behaviour; {@link #parse(String)}, what the client uses, also
 * refuses the statements that Ruby accepts but that can never do what they say (quirks, see
 * docs/compatibility.md "Compound filters"). Stateless and thread-safe; the returned lists and maps are new and
 * mutable, and keep Ruby's key order (it shows in the Marshal bytes).
 */
public final class CompoundParser {
    private static final Pattern FIRST_COMPARISON = Pattern.compile(">=|<=|=|<|>");

    private final String input;
    private final CompoundScanner scanner;
    private final List<Map<String, Object>> stack = new ArrayList<>();
    private boolean tokenErrors;
    private boolean parseErrors;
    private int unmatchedParens;
    private int depth;

    private CompoundParser(String input) {
        this.input = input;
        this.scanner = new CompoundScanner(input);
    }

    /**
     * The callstack for a {@code -S} argument, as the {@code mco} client builds it.
     *
     * @param input the {@code -S} argument; never null
     * @return Ruby's callstack for it
     * @throws CompoundFilterException if Ruby refuses the input, if a statement uses {@code !=} or {@code =~} (which
     *                                 Ruby accepts but evaluates as another fact name or value, Q-3), or if a data
     *                                 function has no comparison (which crashes the Ruby client, Q-13)
     */
    public static List<Map<String, Object>> parse(String input) {
        List<Map<String, Object>> stack = rubyCallstack(input);
        for (Map<String, Object> token : stack) {
            if (token.get(Type.STATEMENT.rubyName()) instanceof String statement) {
                refuseUnsupportedComparison(statement, input);
            }
        }
        return stack;
    }

    /**
     * Ruby's {@code Matcher.create_compound_callstack}, quirks included: {@code a!=b} is the statement {@code a!=b}
     * (which a node evaluates as the fact {@code a!}). A data function with no comparison, where Ruby's client
     * crashes with {@code undefined method `gsub' for nil}, is refused with a readable message.
     *
     * @param input the {@code -S} argument; never null
     * @return the callstack
     * @throws CompoundFilterException if Ruby refuses the input, or if parentheses nest deeper than
     *                                 {@value Limits#COMPOUND_DEPTH} levels
     */
    public static List<Map<String, Object>> rubyCallstack(String input) {
        CompoundParser parser = new CompoundParser(input);
        parser.parse();
        if (parser.tokenErrors) {
            throw new CompoundFilterException("Malformed token(s) found while parsing -S input " + input);
        }
        if (parser.parseErrors) {
            throw new CompoundFilterException("Parse errors found while parsing -S input " + input);
        }
        if (parser.unmatchedParens != 0) {
            throw new CompoundFilterException("Missing parenthesis found while parsing -S input " + input);
        }
        List<Map<String, Object>> stack = new ArrayList<>();
        for (Map<String, Object> token : parser.stack) {
            if (token.get(Type.FSTATEMENT.rubyName()) instanceof String call) {
                Map<String, Object> function = new LinkedHashMap<>();
                function.put(Type.FSTATEMENT.rubyName(), DataFunctionCall.parse(call, input));
                stack.add(function);
            } else {
                stack.add(token);
            }
        }
        return stack;
    }

    /** Ruby's {@code Parser#parse}. */
    private void parse() {
        Optional<Token> previous = Optional.empty();
        Optional<Token> current = scanner.token();
        while (current.isPresent()) {
            scanner.advance();
            Optional<Token> next = scanner.token();
            if (next.isPresent() && next.get().type() == Type.SPACE) {
                continue;
            }
            Type type = current.get().type();
            String nextType = next.map(t -> t.type().rubyName()).orElse(null);
            boolean atEnd = scanner.index() == scanner.size();
            switch (type) {
                case BAD_TOKEN -> tokenErrors = true;
                case AND, OR -> {
                    if (!(matches(nextType, "not", "statement", "(") || atEnd && nextType != null)) {
                        parseErrors = true;
                    }
                    Type before = previous.map(Token::type).orElse(null);
                    if (before == null || before == Type.AND || before == Type.OR) {
                        parseErrors = true;
                    }
                }
                case NOT -> parseErrors |= !matches(nextType, "not", "statement", "(");
                case STATEMENT, FSTATEMENT -> parseErrors |= !matches(nextType, "and", "or", ")") && !atEnd;
                case CLOSE -> {
                    parseErrors |= nextType == null && !atEnd;
                    unmatchedParens += unmatchedParens > 0 ? -1 : 1;
                    depth = Math.max(0, depth - 1);
                }
                case OPEN -> {
                    parseErrors |= !matches(nextType, "not", "statement", "(");
                    unmatchedParens++;
                    Limits.checkDepth(
                            ++depth,
                            Limits.COMPOUND_DEPTH,
                            "compound filter",
                            message -> new CompoundFilterException("-S input " + message));
                }
                default -> parseErrors = true; // a leading space
            }
            if (type != Type.BAD_TOKEN) {
                Map<String, Object> entry = new LinkedHashMap<>();
                // a String of its own, as in Ruby: {"and"=>"and"} is two objects in Marshal, not one and a link
                entry.put(type.rubyName(), new String(current.get().value()));
                stack.add(entry);
            }
            previous = current;
            current = next;
        }
    }

    /** Ruby's {@code n_token =~ /a|b|c/}: nil never matches, {@code "statement"} also matches fstatement. */
    private static boolean matches(String type, String... alternatives) {
        if (type == null) {
            return false;
        }
        for (String alternative : alternatives) {
            if (type.contains(alternative)) {
                return true;
            }
        }
        return false;
    }

    /**
     * in a statement Ruby takes the first of {@code >= <= = < >} as the comparison, so {@code country!=de} asks
     * for the fact {@code country!} and {@code country=~uk} for the value {@code ~uk}; neither can select anything.
     */
    private static void refuseUnsupportedComparison(String statement, String input) {
        if (statement.startsWith("/")) {
            return; // a class regex
        }
        var comparison = FIRST_COMPARISON.matcher(statement);
        if (!comparison.find() || !comparison.group().equals("=")) {
            return;
        }
        int at = comparison.start();
        String name = statement.substring(0, at);
        String value = statement.substring(at + 1);
        if (name.endsWith("!")) {
            throw new CompoundFilterException("-S statement '" + statement + "' uses '!=', which compound filters do"
                    + " not support (it would look for a fact '" + name + "'): write 'not "
                    + name.substring(0, name.length() - 1) + "=" + value + "' in -S input " + input);
        }
        if (value.startsWith("~")) {
            throw new CompoundFilterException("-S statement '" + statement + "' uses '=~', which compound filters do"
                    + " not support (it would compare with '" + value + "'): write '" + name + "=/"
                    + value.substring(1) + "/' in -S input " + input);
        }
    }
}
