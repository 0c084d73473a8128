package mcollective.testkit;

import java.util.Map;
import java.util.regex.Pattern;

/** Renders a flat map of facts as YAML with every value a double-quoted string. Stateless. */
final class FactsYaml {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

    private FactsYaml() {}

    static String render(Map<String, String> facts) {
        StringBuilder yaml = new StringBuilder("---\n");
        facts.forEach((key, value) -> yaml.append(PLAIN_KEY.matcher(key).matches() ? key : quote(key))
                .append(": ")
                .append(quote(value))
                .append('\n'));
        return yaml.toString();
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\x%02x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
