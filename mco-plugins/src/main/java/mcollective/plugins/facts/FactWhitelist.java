package mcollective.plugins.facts;

import java.util.Arrays;
import java.util.List;

/**
 * The whitelists of the ohai and chef fact sources: comma-separated dotted key prefixes, where an entry covers the
 * key it names and every key below it ({@code cpu} covers {@code cpu} and {@code cpu.total}, not {@code cpuinfo}).
 */
public final class FactWhitelist {
    private FactWhitelist() {}

    /** @return the setting split on commas, blanks and empty entries dropped */
    public static List<String> parse(String setting) {
        return Arrays.stream(setting.split(","))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    /** Whether an entry of {@code whitelist} covers {@code key}. */
    public static boolean covers(List<String> whitelist, String key) {
        for (String entry : whitelist) {
            if (key.equals(entry)
                    || (key.startsWith(entry) && key.length() > entry.length() && key.charAt(entry.length()) == '.')) {
                return true;
            }
        }
        return false;
    }
}
