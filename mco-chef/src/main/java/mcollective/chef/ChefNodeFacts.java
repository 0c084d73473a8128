package mcollective.chef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import mcollective.plugins.facts.FactWhitelist;
import mcollective.ruby.RubyValues;

/**
 * The facts of a Chef node document. The merged attributes (default &lt; normal &lt; override &lt; automatic: hashes
 * merge deeply, anything else is replaced, as Chef merges precedence levels) are flattened to dotted keys by the rule
 * of {@code etc/chef/mcollective_handler.rb} (an Array is joined with {@code ", "}, a scalar is Ruby's {@code to_s})
 * and kept if a whitelist entry is the key or a dotted prefix of it ({@code cpu} keeps {@code cpu.total}, not
 * {@code cpuinfo.x}). Then come {@code chef_environment}, and {@code roles}, {@code recipes} (expanded, from the
 * automatic attributes) and {@code run_list} as List facts, which win over a flattened key of the same name.
 * Stateless.
 */
final class ChefNodeFacts {
    /** The original cookbook handler's whitelist, less its site-specific {@code instmaint}. */
    static final List<String> DEFAULT_WHITELIST = List.of(
            "fqdn",
            "hostname",
            "domain",
            "ipaddress",
            "macaddress",
            "os",
            "os_version",
            "platform",
            "platform_version",
            "ohai_time",
            "uptime",
            "uptime_seconds",
            "chef_packages",
            "keys",
            "virtualization",
            "cpu",
            "memory");

    private static final List<String> PRECEDENCE = List.of("default", "normal", "override", "automatic");

    private ChefNodeFacts() {}

    /** @param node a node document as {@code GET /nodes/NAME} returns it */
    static Map<String, Object> of(Map<?, ?> node, List<String> whitelist) {
        Map<?, ?> attributes = merged(node);
        Map<String, Object> flat = new TreeMap<>();
        whitelist.stream()
                .map(entry -> entry.split("\\.", 2)[0])
                .distinct()
                .filter(attributes::containsKey)
                .forEach(top -> flatten(top, attributes.get(top), flat));
        Map<String, Object> facts = new LinkedHashMap<>();
        flat.forEach((key, value) -> {
            if (FactWhitelist.covers(whitelist, key)) {
                facts.put(key, value);
            }
        });
        Map<?, ?> automatic = node.get("automatic") instanceof Map<?, ?> a ? a : Map.of();
        facts.put("chef_environment", RubyValues.toS(node.get("chef_environment")));
        facts.put("roles", strings(automatic.get("roles")));
        facts.put("recipes", strings(automatic.get("recipes")));
        facts.put("run_list", strings(node.get("run_list")));
        return facts;
    }

    /** The attributes Chef's {@code node[...]} sees. */
    static Map<?, ?> merged(Map<?, ?> node) {
        Map<Object, Object> merged = new LinkedHashMap<>();
        for (String level : PRECEDENCE) {
            if (node.get(level) instanceof Map<?, ?> attributes) {
                deepMerge(merged, attributes);
            }
        }
        return merged;
    }

    private static void deepMerge(Map<Object, Object> into, Map<?, ?> from) {
        from.forEach((key, value) -> {
            if (value instanceof Map<?, ?> child && into.get(key) instanceof Map<?, ?> existing) {
                Map<Object, Object> copy = new LinkedHashMap<>(existing);
                deepMerge(copy, child);
                into.put(key, copy);
            } else {
                into.put(key, value instanceof Map<?, ?> child ? new LinkedHashMap<>(child) : value);
            }
        });
    }

    private static void flatten(String key, Object value, Map<String, Object> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((child, childValue) -> flatten(key + "." + child, childValue, out));
        } else {
            out.put(key, value instanceof List<?> list ? join(list) : RubyValues.toS(value));
        }
    }

    /** Ruby's {@code Array#join(", ")}: nested arrays are joined recursively. */
    private static String join(List<?> list) {
        return list.stream()
                .map(v -> v instanceof List<?> nested ? join(nested) : RubyValues.toS(v))
                .collect(Collectors.joining(", "));
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(RubyValues.toS(v)));
        }
        return out;
    }
}
