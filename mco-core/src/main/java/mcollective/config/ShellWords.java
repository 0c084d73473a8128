package mcollective.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Port of Ruby's {@code Shellwords.shellwords}, which OptionParser#environment uses to split
 * MCOLLECTIVE_EXTRA_OPTS.
 */
final class ShellWords {
    // bare word | 'single' | "double" | backslash escape | anything else (an unmatched quote), then a separator
    private static final Pattern TOKEN = Pattern.compile(
            "\\G\\s*(?>([^\\s\\\\'\"]+)|'([^']*)'|\"((?:[^\"\\\\]|\\\\.)*)\"|(\\\\.?)|(\\S))(\\s|\\z)?",
            Pattern.DOTALL);
    private static final Pattern DOUBLE_QUOTE_ESCAPE = Pattern.compile("\\\\([$`\"\\\\\n])");
    private static final Pattern ESCAPE = Pattern.compile("\\\\(.)", Pattern.DOTALL);

    private ShellWords() {}

    /**
     * Splits like a POSIX shell: whitespace separates words, quotes and backslashes group them.
     *
     * @throws ConfigException {@code Unmatched quote: "<line>"} for an unterminated quote
     */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        Matcher m = TOKEN.matcher(line);
        while (m.find()) {
            if (m.group(5) != null) {
                throw new ConfigException("Unmatched quote: \"" + line + "\"");
            }
            if (m.group(1) != null) {
                field.append(m.group(1));
            } else if (m.group(2) != null) {
                field.append(m.group(2));
            } else if (m.group(3) != null) {
                field.append(DOUBLE_QUOTE_ESCAPE.matcher(m.group(3)).replaceAll("$1"));
            } else {
                field.append(ESCAPE.matcher(m.group(4)).replaceAll("$1"));
            }
            if (m.group(6) != null) {
                words.add(field.toString());
                field.setLength(0);
            }
            if (m.end() == line.length()) {
                break;
            }
        }
        return words;
    }
}
