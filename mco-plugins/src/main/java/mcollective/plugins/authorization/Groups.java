package mcollective.plugins.authorization;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import mcollective.logging.LogSafe;

/**
 * The groups file, {@code <configdir>/policies/groups}: one group a line, {@code name callerid callerid ...}. Port of
 * {@code parse_group_file} in {@code util/actionpolicy.rb}; a group named twice keeps its last line, as in Ruby. A
 * line whose name is not {@code [\w.-]+} is an error (Ruby warns and skips it). Immutable.
 *
 * @param members the callerids of each group
 * @param errors  {@code <file>:<line>: <problem>} for each line that could not be understood
 */
record Groups(Map<String, List<String>> members, List<String> errors) {
    static final Groups NONE = new Groups(Map.of(), List.of());
    private static final Pattern NAME = Pattern.compile("[\\w.\\-]+");

    static Groups parse(Path path, String text) {
        Map<String, List<String>> members = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        List<String> lines = Arrays.asList(text.split("\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            if (!NAME.matcher(words[0]).matches()) {
                errors.add(path + ":" + (i + 1) + ": expected 'group_name caller_id caller_id ...' but found '"
                        + LogSafe.of(line) + "'");
                continue;
            }
            members.put(words[0], List.of(words).subList(1, words.length));
        }
        return new Groups(Map.copyOf(members), List.copyOf(errors));
    }
}
