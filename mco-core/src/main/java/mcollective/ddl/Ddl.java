package mcollective.ddl;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plugin's DDL, whatever its kind, read from MCollective's Ruby DSL. Port of the data that
 * {@code lib/mcollective/ddl/base.rb} and its subclasses keep: metadata, usage, actions (a data plugin's
 * {@code dataquery} is the action {@code query}) and discovery capabilities.
 *
 * @param kind         agent, data, discovery, aggregate, validator, connector, ...
 * @param name         the plugin name
 * @param metadata     {@code metadata} as written (name, description, author, license, version, url, timeout)
 * @param usage        the {@code usage} text, if any
 * @param actions      actions in declaration order
 * @param capabilities discovery capabilities ({@code classes}, {@code facts}, ...)
 * @param source       the file it was read from
 * @param requirements {@code requires}, e.g. {@code mcollective => "2.6.0"}
 */
public record Ddl(String kind, String name, Map<String, Object> metadata, Optional<String> usage,
        Map<String, ActionDdl> actions, List<String> capabilities, String source, Map<String, Object> requirements) {

    public Ddl {
        metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
        actions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(actions));
        capabilities = List.copyOf(capabilities);
        requirements = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(requirements));
    }

    public Optional<ActionDdl> action(String action) {
        return Optional.ofNullable(actions.get(action));
    }

    /** {@code :timeout} from the metadata; 10 seconds when absent, as for Ruby agents. */
    public Duration timeout() {
        Object timeout = metadata.get("timeout");
        return timeout instanceof Number n ? Duration.ofMillis((long) (n.doubleValue() * 1000)) : Duration.ofSeconds(10);
    }

    public String meta(String key) {
        Object value = metadata.get(key);
        return value == null ? "" : String.valueOf(value);
    }
}
