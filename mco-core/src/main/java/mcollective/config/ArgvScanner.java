package mcollective.config;

import java.util.List;
import java.util.Optional;

/**
 * Port of the {@code -c/--config} pre-parse in lib/mcollective/applications.rb ({@code load_config} and
 * {@code filter_extra_options}), which runs Ruby's OptionParser with only {@code --config/-c}, {@code --help} and
 * {@code -v/--verbose} defined and skips every option it does not know.
 */
final class ArgvScanner {
    private static final String CONFIG = "config";

    private ArgvScanner() {}

    /**
     * The value of the last config option in {@code words}, as OptionParser reads it: {@code -c FILE},
     * {@code -cFILE} (so {@code -c=FILE} gives {@code "=FILE"}, as in Ruby), clusters like {@code -vc FILE},
     * {@code --config FILE}, {@code --config=FILE} and prefixes of {@code --config}; scanning stops at {@code --}.
     *
     * @throws ConfigException {@code missing argument: <option>} when the option has no value after it
     */
    static Optional<String> config(List<String> words) {
        Optional<String> found = Optional.empty();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("--")) {
                break;
            }
            if (w.startsWith("--")) {
                int eq = w.indexOf('=');
                String name = eq < 0 ? w.substring(2) : w.substring(2, eq);
                if (name.isEmpty() || !CONFIG.startsWith(name)) {
                    continue;
                }
                if (eq >= 0) {
                    found = Optional.of(w.substring(eq + 1));
                } else if (i + 1 < words.size()) {
                    found = Optional.of(words.get(++i));
                } else {
                    throw new ConfigException("missing argument: " + w);
                }
            } else if (w.startsWith("-") && w.length() > 1) {
                for (int j = 1; j < w.length(); j++) {
                    char c = w.charAt(j);
                    if (c == 'c') {
                        if (j + 1 < w.length()) {
                            found = Optional.of(w.substring(j + 1));
                        } else if (i + 1 < words.size()) {
                            found = Optional.of(words.get(++i));
                        } else {
                            throw new ConfigException("missing argument: -c");
                        }
                        break;
                    }
                    // -v is --verbose and -h completes to --help; any other letter makes the word unknown
                    if (c != 'v' && c != 'h') {
                        break;
                    }
                }
            }
        }
        return found;
    }

    /**
     * {@code filter_extra_options}: only the first config option of {@code MCOLLECTIVE_EXTRA_OPTS} survives, as one
     * word; a {@code -c} or {@code --config} at the end becomes {@code --config=} (an empty file name).
     */
    static List<String> filterExtraOptions(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("-c") || w.equals("--config")) {
                return List.of("--config=" + (i + 1 < words.size() ? words.get(i + 1) : ""));
            }
            if (w.contains("-c=") || w.contains("--config=")) {
                return List.of(w);
            }
        }
        return List.of();
    }
}
