package mcollective.plugins.authorization;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mcollective.logging.LogSafe;
import mcollective.plugins.authorization.NodeCondition.Field;

/**
 * A parsed policy file, {@code <configdir>/policies/<agent>.policy}. Port of the grammar of {@code parse_policy_file}
 * in {@code util/actionpolicy.rb}:
 * <pre>
 * # comment
 * policy default allow|deny
 * allow|deny TAB callers TAB actions TAB facts [TAB classes]
 * </pre>
 * Fields are separated by runs of tabs; callers and actions are {@code *} or space-separated lists. Blank lines and
 * comments are skipped, lines may end in CR LF, the last needs no line break, and space around a field is ignored.
 * Where Ruby logs a line it cannot parse and skips it, this records an error naming the file and line, and the
 * authorizer refuses every request the file governs (fail closed, ADR 008). Immutable.
 *
 * @param path        the file
 * @param defaultAllow the last {@code policy default} line, if any
 * @param rules       the rules in file order
 * @param errors      one message per line that could not be understood, {@code <file>:<line>: <problem>}
 */
record PolicyFile(Path path, Optional<Boolean> defaultAllow, List<PolicyRule> rules, List<String> errors) {
    private static final Pattern DEFAULT = Pattern.compile("policy\\s+default\\s+(\\S+)");
    private static final Pattern RULE = Pattern.compile("(allow|deny)\\t.*");
    private static final Pattern SPACED_RULE = Pattern.compile("(allow|deny)\\s.*");

    /** Parses the text of a file; never throws, every problem becomes an entry of {@link #errors()}. */
    static PolicyFile parse(Path path, String text) {
        Optional<Boolean> defaultAllow = Optional.empty();
        List<PolicyRule> rules = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> lines = Arrays.asList(text.split("\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                Matcher policy = DEFAULT.matcher(line);
                if (policy.matches()) {
                    defaultAllow = Optional.of(verdict(policy.group(1)));
                } else if (RULE.matcher(line).matches()) {
                    rules.add(rule(line, number));
                } else if (SPACED_RULE.matcher(line).matches()) {
                    throw new IllegalArgumentException(
                            "the fields of a rule are separated by tabs, not spaces: '" + LogSafe.of(line) + "'");
                } else {
                    throw new IllegalArgumentException("expected 'policy default allow|deny' or"
                            + " 'allow|deny<TAB>callers<TAB>actions<TAB>facts[<TAB>classes]' but found '"
                            + LogSafe.of(line) + "'");
                }
            } catch (IllegalArgumentException e) {
                errors.add(path + ":" + number + ": " + e.getMessage());
            }
        }
        return new PolicyFile(path, defaultAllow, List.copyOf(rules), List.copyOf(errors));
    }

    private static boolean verdict(String word) {
        return switch (word) {
            case "allow" -> true;
            case "deny" -> false;
            default ->
                throw new IllegalArgumentException(
                        "'policy default " + LogSafe.of(word) + "' is neither allow nor deny");
        };
    }

    private static PolicyRule rule(String line, int number) {
        String[] fields = line.split("\\t+");
        if (fields.length != 4 && fields.length != 5) {
            throw new IllegalArgumentException("a rule has 3 or 4 tab-separated fields after '" + fields[0]
                    + "' (callers, actions, facts[, classes]) but this one has " + (fields.length - 1) + ": '"
                    + LogSafe.of(line) + "'");
        }
        for (int f = 0; f < fields.length; f++) {
            fields[f] = fields[f].strip();
            if (fields[f].isEmpty()) {
                throw new IllegalArgumentException(
                        "field " + (f + 1) + " of the rule is blank: '" + LogSafe.of(line) + "'");
            }
        }
        boolean classes = fields.length == 5;
        return new PolicyRule(
                fields[0].equals("allow"),
                number,
                list(fields[1]),
                list(fields[2]),
                NodeCondition.parse(fields[3], classes ? Field.FACTS : Field.EITHER),
                classes ? Optional.of(NodeCondition.parse(fields[4], Field.CLASSES)) : Optional.empty());
    }

    /** {@code *} is the empty list, which matches everything; otherwise the space-separated words. */
    private static List<String> list(String field) {
        return field.equals("*") ? List.of() : List.of(field.split("\\s+"));
    }
}
