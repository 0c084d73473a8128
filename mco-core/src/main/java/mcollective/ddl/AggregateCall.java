package mcollective.ddl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code aggregate fn(:output, {args}, :format => "...")} of a {@code summarize} block (the brief's
 * "Summary"): what {@code aggregate.rb create_functions} reads from it.
 *
 * @param function  summary, sum, average, boolean_summary, ... (an aggregate plugin name)
 * @param output    the output it summarises
 * @param arguments the extra hash argument without {@code :format} ({@code {:true => "on"}}), empty when none
 * @param format    the {@code :format} string of that hash, if given
 */
public record AggregateCall(String function, String output, Map<String, Object> arguments, Optional<String> format) {
    public AggregateCall {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(format, "format");
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }
}
