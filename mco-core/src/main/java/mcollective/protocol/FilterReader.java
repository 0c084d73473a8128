package mcollective.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import mcollective.protocol.codec.Limits;

/** Port of the shape checks implied by lib/mcollective/security/base.rb {@code validate_filter?}: wire to Filter. */
final class FilterReader {
    private static final Set<String> STANDARD_KEYS =
            Set.of(Filter.FACT, Filter.CF_CLASS, Filter.AGENT, Filter.IDENTITY, Filter.COMPOUND);
    // validate_filter? dispatches with `when /puppet_class|cf_class/`, so the legacy key and look-alikes are classes.
    private static final Pattern CLASS_KEY = Pattern.compile("puppet_class|cf_class");

    private FilterReader() {}

    static Filter read(Object wire) {
        if (!(wire instanceof Map<?, ?> map)) {
            throw new InvalidFilterException("Filter " + FactFilter.describe(wire) + " is not a Hash");
        }
        List<FactFilter> facts = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        List<String> agents = new ArrayList<>();
        List<String> identities = new ArrayList<>();
        List<List<Map<String, Object>>> compound = new ArrayList<>();
        Optional<String> collective = Optional.empty();
        int standardKeys = 0;
        boolean otherKeys = false;

        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                otherKeys = true; // Ruby's String-keyed `case` ignores it
                continue;
            }
            if (STANDARD_KEYS.contains(key)) {
                standardKeys++;
            } else {
                otherKeys = true;
            }
            Object value = entry.getValue();
            if (key.equals(Filter.FACT)) {
                for (Object fact : list(key, value)) {
                    facts.add(FactFilter.fromRuby(fact));
                }
            } else if (CLASS_KEY.matcher(key).find()) {
                classes.addAll(strings(key, value));
            } else if (key.equals(Filter.AGENT)) {
                agents.addAll(strings(key, value));
            } else if (key.equals(Filter.IDENTITY)) {
                identities.addAll(strings(key, value));
            } else if (key.equals(Filter.COMPOUND)) {
                for (Object stack : list(key, value)) {
                    compound.add(callstack(stack));
                }
            } else if (key.equals(Filter.COLLECTIVE) && value instanceof String name) {
                collective = Optional.of(name);
            }
        }
        boolean standardShape = !otherKeys && (standardKeys == 0 || standardKeys == STANDARD_KEYS.size());
        return new Filter(facts, classes, agents, identities, compound, collective, standardShape);
    }

    private static List<?> list(String key, Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new InvalidFilterException(
                "Filter key '" + key + "' holds " + FactFilter.describe(value) + ", not an Array");
    }

    private static List<String> strings(String key, Object value) {
        List<String> result = new ArrayList<>();
        for (Object element : list(key, value)) {
            if (!(element instanceof String s)) {
                throw new InvalidFilterException(
                        "Filter key '" + key + "' holds " + FactFilter.describe(element) + ", not a String");
            }
            result.add(s);
        }
        return result;
    }

    /** One compound callstack; its parentheses may nest {@value Limits#COMPOUND_DEPTH} levels deep. */
    private static List<Map<String, Object>> callstack(Object stack) {
        List<Map<String, Object>> tokens = new ArrayList<>();
        int depth = 0;
        for (Object token : list(Filter.COMPOUND, stack)) {
            if (token instanceof Map<?, ?> open && open.containsKey("(")) {
                Limits.checkDepth(++depth, Limits.COMPOUND_DEPTH, "compound filter", InvalidFilterException::new);
            } else if (token instanceof Map<?, ?> close && close.containsKey(")")) {
                depth = Math.max(0, depth - 1);
            }
            if (!(token instanceof Map<?, ?> map)) {
                throw new InvalidFilterException("Compound token " + FactFilter.describe(token) + " is not a Hash");
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new InvalidFilterException("Compound token " + map + " has a key that is not a String: "
                            + FactFilter.describe(entry.getKey()));
                }
                if (entry.getValue() == null) {
                    throw new InvalidFilterException("Compound token " + map + " has a nil value");
                }
                copy.put(key, entry.getValue());
            }
            tokens.add(copy);
        }
        return tokens;
    }
}
