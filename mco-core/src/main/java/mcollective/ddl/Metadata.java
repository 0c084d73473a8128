package mcollective.ddl;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A DDL's {@code metadata}: the seven properties MCollective requires ({@code ddl/base.rb metadata}). Values are
 * kept as text, as {@code mco plugin doc} prints them; {@link #timeout()} is the parsed {@code :timeout}.
 *
 * @param name        {@code :name}, as written (e.g. "Fact" for the fact data plugin)
 * @param description {@code :description}
 * @param author      {@code :author}
 * @param license     {@code :license}
 * @param version     {@code :version}, a string even when written as a number
 * @param url         {@code :url}
 * @param timeout     {@code :timeout}, the time an action may run on a node (non-negative)
 */
public record Metadata(
        String name, String description, String author, String license, String version, String url, Duration timeout) {

    /** The properties {@code metadata} must have, in Ruby's order of checking. */
    public static final List<String> REQUIRED =
            List.of("name", "description", "author", "license", "version", "url", "timeout");

    public Metadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new DdlException("Metadata :timeout must not be negative: " + timeout);
        }
    }

    /**
     * Reads written metadata; a missing property is Ruby's {@code Metadata needs a :timeout property} and a timeout
     * that is not a number is an error naming it. A {@code nil} value reads as "".
     */
    public static Metadata from(Map<String, ?> written) {
        for (String key : REQUIRED) {
            if (!written.containsKey(key)) {
                throw new DdlException("Metadata needs a :" + key + " property");
            }
        }
        return new Metadata(
                text(written.get("name")),
                text(written.get("description")),
                text(written.get("author")),
                text(written.get("license")),
                text(written.get("version")),
                text(written.get("url")),
                seconds(written.get("timeout")));
    }

    /** Metadata for a DDL that has none (an empty file); timeout 10 s, Ruby's default for agents. */
    public static Metadata none(String pluginName) {
        return new Metadata(pluginName, "", "", "", "", "", Duration.ofSeconds(10));
    }

    /** The seven properties as written keys to text, in Ruby's order (timeout in whole or decimal seconds). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("description", description);
        map.put("author", author);
        map.put("license", license);
        map.put("version", version);
        map.put("url", url);
        map.put(
                "timeout",
                timeout.toMillis() % 1000 == 0 ? (Object) timeout.toSeconds() : (Object) (timeout.toMillis() / 1000.0));
        return map;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static Duration seconds(Object value) {
        if (value instanceof Number n) {
            return Duration.ofMillis(
                    new BigDecimal(n.toString()).movePointRight(3).longValue());
        }
        if (value instanceof String s && s.strip().matches("\\d+(\\.\\d+)?")) {
            return Duration.ofMillis(new BigDecimal(s.strip()).movePointRight(3).longValue());
        }
        throw new DdlException("Metadata :timeout should be a number of seconds but is " + value);
    }
}
