package mcollective.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one discovery decided: the nodes to address (the limit applied), the method that found them, whether they
 * must be addressed directly rather than by a broadcast carrying the filter, and how long discovery took (zero when
 * no discovery ran).
 */
public record Discovered(List<String> nodes, String method, boolean direct, Duration took) {
    public Discovered {
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(took, "took");
    }
}
