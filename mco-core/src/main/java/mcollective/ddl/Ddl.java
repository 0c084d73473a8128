package mcollective.ddl;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A plugin's DDL, whatever its kind, read from MCollective's Ruby DSL ({@link mcollective.ddl.ruby.RubyDdlParser}) or
 * Choria's JSON ({@link mcollective.ddl.json.JsonDdlParser}). Port of the data that {@code lib/mcollective/ddl/base.rb} and its subclasses keep:
 * metadata, requirements, usage, actions (a data plugin's {@code dataquery} is the action {@code query}) and
 * discovery capabilities. Immutable and thread-safe.
 *
 * @param type         the plugin kind
 * @param name         the plugin name as the DDL file names it ({@code rpcutil}, {@code fact_data})
 * @param metadata     {@code metadata} as written (name, description, author, license, version, url, timeout, and
 *                     any extra keys); empty when the DDL has no {@code metadata}; see {@link #meta()}
 * @param usage        the {@code usage} text, if any
 * @param actions      actions in declaration order (the {@code dataquery} of a data DDL as {@code query})
 * @param capabilities discovery capabilities ({@code classes}, {@code facts}, ...) in declaration order
 * @param source       the file it was read from ({@code classpath:...} for the class path)
 * @param requirements {@code requires}, e.g. {@code mcollective => "2.6.0"}
 */
public record Ddl(
        DdlKind type,
        String name,
        Map<String, Object> metadata,
        Optional<String> usage,
        Map<String, ActionDdl> actions,
        List<String> capabilities,
        String source,
        Map<String, Object> requirements) {

    /** The action name under which a data DDL's {@code dataquery} is kept. */
    public static final String DATAQUERY = "query";

    public Ddl {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        actions = Collections.unmodifiableMap(new LinkedHashMap<>(actions));
        capabilities = List.copyOf(capabilities);
        requirements = Collections.unmodifiableMap(new LinkedHashMap<>(requirements));
    }

    /** The Ruby plugin type, {@code agent}, {@code data}, ...: {@code type().typeName()}. */
    public String kind() {
        return type.typeName();
    }

    /** The metadata, typed; {@link Metadata#none} when the DDL declares none. */
    public Metadata meta() {
        return metadata.isEmpty() ? Metadata.none(name) : Metadata.from(metadata);
    }

    /** One metadata property as text, "" when absent: what {@code mco plugin doc} prints. */
    public String meta(String key) {
        Object value = metadata.get(key);
        return value == null ? "" : String.valueOf(value);
    }

    /** An action by name; empty when the DDL does not declare it. */
    public Optional<ActionDdl> action(String action) {
        return Optional.ofNullable(actions.get(action));
    }

    /** A data DDL's {@code dataquery} (its {@code query} input and its outputs); empty for other kinds. */
    public Optional<ActionDdl> dataquery() {
        return type == DdlKind.DATA ? action(DATAQUERY) : Optional.empty();
    }

    /** {@code requires :mcollective => "x"}: the oldest MCollective version the plugin works with, if declared. */
    public Optional<String> requiredVersion() {
        return Optional.ofNullable(requirements.get("mcollective")).map(String::valueOf);
    }

    /** {@code :timeout} from the metadata; 10 seconds when absent, as for Ruby agents. */
    public Duration timeout() {
        return metadata.containsKey("timeout") ? meta().timeout() : Duration.ofSeconds(10);
    }
}
