package mcollective.ddl;

import java.util.Map;
import java.util.Optional;

/**
 * One {@code aggregate fn(:output, {args}, :format => "...")} of a {@code summarize} block.
 *
 * @param function  summary, sum, average, boolean_summary, ...
 * @param output    the output it summarises
 * @param arguments the extra hash argument ({@code {:true => "on"}}), empty when none
 * @param format    the {@code :format} string, if given
 */
public record AggregateCall(String function, String output, Map<String, Object> arguments, Optional<String> format) {
    public AggregateCall {
        arguments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(arguments));
    }
}
