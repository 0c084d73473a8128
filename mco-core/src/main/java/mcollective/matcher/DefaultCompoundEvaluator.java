package mcollective.matcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mcollective.protocol.codec.Limits;
import mcollective.spi.NodeView;

/**
 * Port of the compound branch of security/base.rb {@code validate_filter?} and of lib/mcollective/matcher.rb
 * {@code eval_compound_statement}. Every statement is evaluated first, then the truth values are combined with
 * Ruby's precedence ({@code not} over {@code and} over {@code or}, parentheses), as Ruby does by joining
 * {@code "true && ! false"} and calling {@code eval}. A malformed callstack (Ruby's SyntaxError) is an error; an
 * empty one is false. Data functions ({@code fstatement}) are delegated to a {@link DataFunctionEvaluator}.
 * Thread-safe if the data-function evaluator is.
 */
public final class DefaultCompoundEvaluator implements CompoundEvaluator {
    private static final int FLAGS = Pattern.MULTILINE | Pattern.UNIX_LINES;
    private static final Pattern CLASS_REGEX = Pattern.compile("^/", FLAGS);
    private static final Pattern COMPARISON = Pattern.compile(">=|<=|=|<|>");

    private final DataFunctionEvaluator functions;

    /** An evaluator for which every data function is false. */
    public DefaultCompoundEvaluator() {
        this(DataFunctionEvaluator.unsupported());
    }

    /** @param functions evaluates {@code fstatement} tokens; never null */
    public DefaultCompoundEvaluator(DataFunctionEvaluator functions) {
        this.functions = Objects.requireNonNull(functions, "functions");
    }

    @Override
    public boolean evaluate(List<Map<String, Object>> callstack, NodeView node) {
        List<Object> tokens = new ArrayList<>();
        for (Map<String, Object> expression : callstack) {
            if (expression.isEmpty()) {
                continue;
            }
            Map.Entry<String, Object> first = expression.entrySet().iterator().next();
            switch (first.getKey()) {
                case "statement" -> tokens.add(statement(first.getValue(), node));
                case "fstatement" -> tokens.add(function(first.getValue(), node));
                case "and" -> tokens.add(Op.AND);
                case "or" -> tokens.add(Op.OR);
                case "not" -> tokens.add(Op.NOT);
                case "(" -> tokens.add(Op.OPEN);
                case ")" -> tokens.add(Op.CLOSE);
                default -> {} // Ruby's `case` has no else: unknown tokens vanish
            }
        }
        return new BooleanExpression(tokens).value();
    }

    /**
     * Port of {@code Matcher.eval_compound_statement}: {@code /re/} is a class regex; a statement holding
     * {@code >= <= = < >} is a fact comparison ({@code =} means {@code ==}, a value starting with {@code /} means
     * {@code =~}); anything else is a class name. Note that {@code a!=b} is the fact {@code a!} (quirk Q-3).
     */
    static boolean statement(Object value, NodeView node) {
        if (!(value instanceof String text)) {
            throw new FilterEvaluationException("compound statement " + value + " is not a String");
        }
        if (CLASS_REGEX.matcher(text).find()) {
            return NodeMatcher.hasClass(node, text);
        }
        Matcher op = COMPARISON.matcher(text);
        if (op.find()) {
            // Ruby: name, value = text.split(op) -- every occurrence splits, trailing empty fields are dropped
            String[] parts = text.split(Pattern.quote(op.group()));
            if (parts.length < 2) {
                throw new FilterEvaluationException("compound statement '" + text + "' has no value");
            }
            String operator = parts[1].startsWith("/") ? "=~" : op.group().equals("=") ? "==" : op.group();
            return NodeMatcher.hasFact(node, parts[0], parts[1], operator);
        }
        return NodeMatcher.hasClass(node, text);
    }

    @SuppressWarnings("unchecked")
    private boolean function(Object value, NodeView node) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new FilterEvaluationException("compound fstatement " + value + " is not a Hash");
        }
        return functions.evaluate((Map<String, Object>) map, node);
    }

    enum Op {
        AND,
        OR,
        NOT,
        OPEN,
        CLOSE
    }

    /** Recursive descent over Booleans and {@link Op}s: {@code or := and ('||' and)*, and := not ('&&' not)*}. */
    static final class BooleanExpression {
        private final List<Object> tokens;
        private int pos;
        private int depth;

        BooleanExpression(List<Object> tokens) {
            this.tokens = tokens;
        }

        boolean value() {
            if (tokens.isEmpty()) {
                return false; // eval("") is nil
            }
            boolean result = or();
            if (pos != tokens.size()) {
                throw syntaxError();
            }
            return result;
        }

        private boolean or() {
            boolean result = and();
            while (accept(Op.OR)) {
                result = and() | result; // no short cut: the right-hand side must still parse
            }
            return result;
        }

        private boolean and() {
            boolean result = not();
            while (accept(Op.AND)) {
                result = not() & result;
            }
            return result;
        }

        /** Each {@code not} and {@code (} is one level deeper, bounded by {@link Limits#COMPOUND_DEPTH}. */
        private boolean not() {
            if (accept(Op.NOT)) {
                enter();
                boolean result = !not();
                depth--;
                return result;
            }
            if (accept(Op.OPEN)) {
                if (accept(Op.CLOSE)) {
                    return false; // "( )" is nil
                }
                enter();
                boolean result = or();
                depth--;
                if (!accept(Op.CLOSE)) {
                    throw syntaxError();
                }
                return result;
            }
            if (pos < tokens.size() && tokens.get(pos) instanceof Boolean b) {
                pos++;
                return b;
            }
            throw syntaxError();
        }

        private void enter() {
            Limits.checkDepth(++depth, Limits.COMPOUND_DEPTH, "compound filter", FilterEvaluationException::new);
        }

        private boolean accept(Op op) {
            if (pos < tokens.size() && tokens.get(pos) == op) {
                pos++;
                return true;
            }
            return false;
        }

        private FilterEvaluationException syntaxError() {
            return new FilterEvaluationException("compound filter " + tokens + " is not a valid expression");
        }
    }
}
