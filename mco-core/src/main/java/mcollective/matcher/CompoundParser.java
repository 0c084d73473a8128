package mcollective.matcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code -S} compound filter language, on the client. Port of {@code matcher/scanner.rb},
 * {@code matcher/parser.rb} and {@code Matcher.create_compound_callstack}: the input becomes the callstack of
 * single-entry maps a Ruby client sends ({@code {"statement"=>"country=uk"}}, {@code {"and"=>"and"}},
 * {@code {"fstatement"=>{"name","params","value","operator","r_compare"}}}, ...), and malformed input is refused with
 * MCollective's messages.
 */
public final class CompoundParser {
    private static final Pattern FUNCTION = Pattern.compile("^\\w+\\(.*\\).*");
    private static final Pattern OPERATOR = Pattern.compile("(!=|>=|<=|<|>|=)");

    private final String input;
    private int pos;

    private CompoundParser(String input) {
        this.input = input;
    }

    /** The callstack for a {@code -S} argument; throws {@link FilterEvaluationException} when it does not parse. */
    public static List<Map<String, Object>> parse(String input) {
        CompoundParser parser = new CompoundParser(input);
        List<Map<String, Object>> tokens = parser.tokens();
        parser.check(tokens);
        return tokens;
    }

    private List<Map<String, Object>> tokens() {
        List<Map<String, Object>> tokens = new ArrayList<>();
        while (true) {
            while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
                pos++;
            }
            if (pos >= input.length()) {
                return tokens;
            }
            char c = input.charAt(pos);
            if (c == '(' || c == ')') {
                pos++;
                tokens.add(Map.of(String.valueOf(c), String.valueOf(c)));
            } else if (c == '!') {
                pos++;
                tokens.add(Map.of("not", "not"));
            } else if (keyword("not")) {
                tokens.add(Map.of("not", "not"));
            } else if (keyword("and")) {
                tokens.add(Map.of("and", "and"));
            } else if (keyword("or")) {
                tokens.add(Map.of("or", "or"));
            } else {
                String statement = statement();
                if (FUNCTION.matcher(statement).matches()) {
                    tokens.add(Map.of("fstatement", function(statement)));
                } else {
                    tokens.add(Map.of("statement", statement));
                }
            }
        }
    }

    /** A keyword counts only when a space or parenthesis follows it, as in the Ruby scanner. */
    private boolean keyword(String word) {
        int end = pos + word.length();
        if (input.startsWith(word, pos) && end < input.length()
                && (input.charAt(end) == ' ' || input.charAt(end) == '(')) {
            pos = end;
            return true;
        }
        return false;
    }

    /** One statement: up to white space or a closing parenthesis, keeping quoted text, regexes and calls whole. */
    private String statement() {
        StringBuilder out = new StringBuilder();
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (Character.isWhitespace(c) || c == ')') {
                break;
            }
            if (c == '\'' || c == '"') {
                pos++;
                while (pos < input.length() && input.charAt(pos) != c) {
                    if (input.charAt(pos) == '\\' && pos + 1 < input.length()) {
                        pos++;
                    }
                    out.append(input.charAt(pos++));
                }
                pos++;
            } else if (c == '/' && (out.length() == 0 || "=<>".indexOf(out.charAt(out.length() - 1)) >= 0)) {
                out.append(c);
                pos++;
                while (pos < input.length() && input.charAt(pos) != '/') {
                    if (input.charAt(pos) == '\\' && pos + 1 < input.length()) {
                        out.append(input.charAt(pos++));
                    }
                    out.append(input.charAt(pos++));
                }
                if (pos < input.length()) {
                    out.append(input.charAt(pos++));
                }
            } else if (c == '(') {
                int depth = 0;
                boolean quoted = false;
                char quote = 0;
                while (pos < input.length()) {
                    char d = input.charAt(pos++);
                    out.append(d);
                    if (quoted) {
                        quoted = d != quote;
                    } else if (d == '\'' || d == '"') {
                        quoted = true;
                        quote = d;
                    } else if (d == '(') {
                        depth++;
                    } else if (d == ')' && --depth == 0) {
                        break;
                    }
                }
            } else {
                out.append(c);
                pos++;
            }
        }
        return out.toString();
    }

    /** {@code Matcher.create_function_hash}. */
    static Map<String, Object> function(String call) {
        Matcher op = OPERATOR.matcher(call);
        int lastOp = -1;
        int lastEnd = -1;
        String operator = null;
        int depth = 0;
        for (int i = 0; i < call.length(); i++) {
            char c = call.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && op.find(i) && op.start() == i) {
                lastOp = i;
                operator = op.group(1);
                lastEnd = op.end();
                break;
            }
        }
        if (operator == null) {
            throw new FilterEvaluationException("Data function call '" + call
                    + "' needs a comparison, such as fstat('/etc/hosts').size>0");
        }
        String function = call.substring(0, lastOp);
        String compare = call.substring(lastEnd);
        Map<String, Object> hash = new LinkedHashMap<>();
        hash.put("r_compare", compare);
        hash.put("operator", operator);
        String callPart = function;
        if (!function.matches("^.+\\(.*\\)$")) {
            int dot = function.lastIndexOf('.');
            hash.put("value", function.substring(dot + 1));
            callPart = function.substring(0, dot);
        }
        if (compare.matches("^/.*/$")) {
            hash.put("operator", operator.equals("=") ? "=~" : operator.equals("!=") ? "!=~" : operator);
            hash.put("r_compare", compare.substring(1, compare.length() - 1));
        } else if (operator.equals("=")) {
            hash.put("operator", "==");
        }
        int open = callPart.indexOf('(');
        hash.put("name", callPart.substring(0, open));
        String params = callPart.substring(open + 1, callPart.lastIndexOf(')'));
        hash.put("params", params.isEmpty() ? null : params.replaceAll("^['\"]|['\"]$", ""));
        return hash;
    }

    /** The grammar of {@code parser.rb}: operators between operands, {@code not} before one, balanced parentheses. */
    private void check(List<Map<String, Object>> tokens) {
        int depth = 0;
        String previous = null;
        for (Map<String, Object> token : tokens) {
            String type = token.keySet().iterator().next();
            boolean operand = type.equals("statement") || type.equals("fstatement") || type.equals("(")
                    || type.equals("not");
            switch (type) {
                case "and", "or" -> {
                    if (previous == null || previous.equals("and") || previous.equals("or") || previous.equals("not")
                            || previous.equals("(")) {
                        throw parseError();
                    }
                }
                case "(" -> depth++;
                case ")" -> {
                    if (--depth < 0 || previous == null || previous.equals("(") || previous.equals("and")
                            || previous.equals("or") || previous.equals("not")) {
                        throw depth < 0 ? parenError() : parseError();
                    }
                }
                default -> {
                    if (operand && previous != null && (previous.equals("statement")
                            || previous.equals("fstatement") || previous.equals(")"))) {
                        throw parseError();
                    }
                }
            }
            previous = type;
        }
        if (previous != null && (previous.equals("and") || previous.equals("or") || previous.equals("not"))) {
            throw parseError();
        }
        if (depth != 0) {
            throw parenError();
        }
    }

    private FilterEvaluationException parseError() {
        return new FilterEvaluationException("Parse errors found while parsing -S input " + input);
    }

    private FilterEvaluationException parenError() {
        return new FilterEvaluationException("Missing parenthesis found while parsing -S input " + input);
    }
}
