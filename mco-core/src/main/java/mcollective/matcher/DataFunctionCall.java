package mcollective.matcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mcollective.protocol.codec.RubyRegexp;

/**
 * Port of {@code Matcher.create_function_hash}: the {@code fstatement} hash of a data function call such as
 * {@code fstat('/etc/hosts').md5=/abc/}. Keys in Ruby's order: {@code "r_compare"}, {@code "operator"},
 * {@code "value"} (absent when the call has no {@code .field}), {@code "name"}, {@code "params"} (null for
 * {@code foo()}). {@code =} becomes {@code ==}; a {@code /re/} right side becomes a {@link RubyRegexp} (as Ruby's
 * {@code Regexp.new}, which its Marshal form carries) with {@code =~} or {@code !=~}; the parameters lose their first
 * and last quote. Stateless.
 */
final class DataFunctionCall {
    private static final int FLAGS = Pattern.MULTILINE | Pattern.UNIX_LINES;
    private static final Pattern OPERATOR = Pattern.compile("(!=|>=|<=|<|>|=)");
    private static final Pattern CALL = Pattern.compile("^.+\\(.*\\)$", FLAGS);
    private static final Pattern REGEX = Pattern.compile("^/.*/$", FLAGS);
    private static final Pattern REGEX_SLASHES = Pattern.compile("^/|/$", FLAGS);
    private static final Pattern QUOTE = Pattern.compile("('|\")");
    private static final Pattern DOT = Pattern.compile("\\.");
    private static final Pattern PAREN = Pattern.compile("\\(");

    private DataFunctionCall() {}

    /**
     * @param call  the fstatement token, e.g. {@code fstat('/etc/hosts').size>0}; never null
     * @param input the whole {@code -S} argument, for messages; never null
     * @return the fstatement hash, insertion-ordered as in Ruby
     * @throws CompoundFilterException for a call without a comparison (where the Ruby client crashes, Q-13) or an
     *                                 invalid regular expression (Ruby's RegexpError)
     */
    static Map<String, Object> parse(String call, String input) {
        List<String> parts = rubySplit(call, OPERATOR);
        Map<String, Object> hash = new LinkedHashMap<>();
        String compare = pop(parts);
        String operator = pop(parts);
        if (operator == null) {
            throw new CompoundFilterException("Data function call '" + call + "' has no comparison, write for example"
                    + " " + call + (call.endsWith(")") ? ".value=1" : "=1") + " in -S input " + input);
        }
        hash.put("r_compare", compare);
        hash.put("operator", operator);
        String function = String.join("", parts);
        String target = function;
        if (!CALL.matcher(function).find()) {
            List<String> fields = rubySplit(function, DOT);
            hash.put("value", pop(fields));
            target = String.join(".", fields);
        }
        if (REGEX.matcher(compare).find()) {
            if (operator.equals("=")) {
                hash.put("operator", "=~");
            } else if (operator.equals("!=")) {
                hash.put("operator", "!=~");
            }
            String source = REGEX_SLASHES.matcher(compare).replaceAll("");
            if (!FilterRegex.compiles(source)) {
                throw new CompoundFilterException("Invalid regular expression /" + source + "/ in data function call '"
                        + call + "' in -S input " + input);
            }
            hash.put("r_compare", new RubyRegexp(source, 0));
        } else if (operator.equals("=")) {
            hash.put("operator", "==");
        }
        List<String> nameAndParams = rubySplit(target, PAREN);
        String name = nameAndParams.isEmpty() ? null : nameAndParams.get(0);
        String params = nameAndParams.size() < 2 ? null : nameAndParams.get(1);
        if (name == null || params == null) {
            throw new CompoundFilterException(
                    "Cannot parse the data function call '" + call + "' in -S input " + input);
        }
        hash.put("name", name);
        hash.put("params", params.equals(")") ? null : unquote(params.replace(")", "")));
        return hash;
    }

    /** Removes the first and the last quote character, keeping escaped quotes inside the parameters. */
    private static String unquote(String params) {
        List<String> pieces = rubySplit(params, QUOTE);
        for (int i = 0; i < pieces.size(); i++) {
            if (QUOTE.matcher(pieces.get(i)).find()) {
                pieces.remove(i);
                break;
            }
        }
        for (int i = pieces.size() - 1; i >= 0; i--) {
            if (QUOTE.matcher(pieces.get(i)).find()) {
                pieces.remove(i);
                break;
            }
        }
        return String.join("", pieces);
    }

    /**
     * Ruby's {@code String#split(regex)}: the fields between matches, with the captured groups in between, and
     * trailing empty fields dropped.
     */
    static List<String> rubySplit(String text, Pattern separator) {
        List<String> fields = new ArrayList<>();
        Matcher matcher = separator.matcher(text);
        int start = 0;
        while (matcher.find()) {
            fields.add(text.substring(start, matcher.start()));
            for (int g = 1; g <= matcher.groupCount(); g++) {
                if (matcher.group(g) != null) {
                    fields.add(matcher.group(g));
                }
            }
            start = matcher.end();
        }
        fields.add(text.substring(start));
        while (!fields.isEmpty() && fields.get(fields.size() - 1).isEmpty()) {
            fields.remove(fields.size() - 1);
        }
        return fields;
    }

    private static String pop(List<String> list) {
        return list.isEmpty() ? null : list.remove(list.size() - 1);
    }
}
