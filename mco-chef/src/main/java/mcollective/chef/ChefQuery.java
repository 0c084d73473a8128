package mcollective.chef;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import mcollective.McollectiveException;
import mcollective.protocol.FactFilter;
import mcollective.protocol.Filter;

/**
 * The Chef search query a filter becomes (reference/CHEF.md §4, with the original plugin's bugs fixed):
 * {@code -C role[x]}/{@code role.x} become {@code role:x}, {@code -C recipe[a::b]}/{@code recipe.a::b} become
 * {@code recipe:a\:\:b} (run-list fields); plain {@code -I} names and wildcards one {@code (name:a OR name:b*)}
 * group; {@code -F fact=value} attribute terms; each {@code --do} is wrapped in parentheses; all terms are ANDed,
 * and no term at all is {@code *:*}. {@code /regex/} identities cannot be searched and are applied to the names the
 * server returns ({@link #identityRegexes}).
 */
final class ChefQuery {
    private static final Pattern RUN_LIST = Pattern.compile("^(role|recipe)\\[([^\\]]*)\\]$");
    private static final Pattern CLASSES_FILE = Pattern.compile("^(role|recipe)\\.(.+)$");

    private ChefQuery() {}

    /** The {@code q} parameter for this filter and these {@code --do} options. */
    static String build(Filter filter, List<String> rawQueries) {
        List<String> terms = new ArrayList<>();
        rawQueries.forEach(q -> terms.add("(" + q + ")"));
        for (String klass : filter.cfClass()) {
            terms.add(classTerm(klass));
        }
        for (FactFilter fact : filter.fact()) {
            terms.add(factTerm(fact));
        }
        List<String> names =
                filter.identity().stream().filter(i -> !i.startsWith("/")).toList();
        if (!names.isEmpty()) {
            terms.add("("
                    + String.join(
                            " OR ",
                            names.stream().map(n -> "name:" + escape(n, true)).toList()) + ")");
        }
        return terms.isEmpty() ? "*:*" : String.join(" AND ", terms);
    }

    /** The {@code /regex/} identities, applied on the client to the names Chef returns. */
    static List<Pattern> identityRegexes(Filter filter) {
        return filter.identity().stream()
                .filter(i -> i.startsWith("/"))
                .map(ChefQuery::identityRegex)
                .toList();
    }

    /** {@code /re/} as MCollective writes identity regexes: the text between the first and the last slash. */
    private static Pattern identityRegex(String identity) {
        String source = identity.length() > 1 && identity.endsWith("/")
                ? identity.substring(1, identity.length() - 1)
                : identity.substring(1);
        try {
            return Pattern.compile(source);
        } catch (PatternSyntaxException e) {
            throw new McollectiveException("Invalid identity filter " + identity + ": " + e.getDescription());
        }
    }

    static String classTerm(String klass) {
        Matcher m = RUN_LIST.matcher(klass);
        Optional<Matcher> match = m.matches() ? Optional.of(m) : Optional.empty();
        if (match.isEmpty()) {
            Matcher dotted = CLASSES_FILE.matcher(klass);
            match = dotted.matches() ? Optional.of(dotted) : Optional.empty();
        }
        Matcher found = match.orElseThrow(
                () -> new McollectiveException(
                        "Cannot use class '" + klass
                                + "' with chef discovery: use role[name], recipe[cookbook::recipe], role.name or recipe.cookbook::recipe"));
        return found.group(1) + ":" + escape(found.group(2), false);
    }

    static String factTerm(FactFilter fact) {
        String term = escape(fact.fact(), false) + ":" + escape(fact.value(), true);
        return switch (fact.operator()) {
            case "==" -> term;
            case "!=" -> "NOT " + term;
            default ->
                throw new McollectiveException(
                        "Cannot use the fact operator '" + fact.operator() + "' with chef discovery; use = or !=");
        };
    }

    /** Lucene escaping; {@code *} and {@code ?} stay wildcards where they are wanted. */
    static String escape(String value, boolean wildcards) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if ("\\+-!():^[]\"{}~/&|".indexOf(c) >= 0 || (!wildcards && (c == '*' || c == '?'))) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
