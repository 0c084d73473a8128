package mcollective.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one SimpleRPC call came to. Port of {@code lib/mcollective/rpc/stats.rb}: discovered and responding nodes,
 * ok and failed counts, the nodes that did not answer and those that answered without being discovered, and the
 * discovery, agent and total times.
 */
public record RpcStats(
        String requestId,
        Optional<List<String>> discovered,
        List<String> responded,
        int okCount,
        int failCount,
        Instant startTime,
        Duration discoveryTime,
        Duration blockTime) {

    public RpcStats {
        discovered = discovered.map(List::copyOf);
        responded = List.copyOf(responded);
    }

    public int responses() {
        return responded.size();
    }

    public int discoveredCount() {
        return discovered.map(List::size).orElse(0);
    }

    public Duration totalTime() {
        return discoveryTime.plus(blockTime);
    }

    /** Discovered nodes that did not reply, sorted. */
    public List<String> noResponseFrom() {
        Set<String> missing = new LinkedHashSet<>(discovered.orElse(List.of()));
        missing.removeAll(responded);
        List<String> sorted = new ArrayList<>(missing);
        sorted.sort(null);
        return sorted;
    }

    /** Nodes that replied without having been discovered ({@code unexpectedresponsefrom}), sorted; empty without discovery. */
    public List<String> unexpectedResponseFrom() {
        if (discovered.isEmpty()) {
            return List.of();
        }
        Set<String> extra = new LinkedHashSet<>(responded);
        extra.removeAll(discovered.get());
        List<String> sorted = new ArrayList<>(extra);
        sorted.sort(null);
        return sorted;
    }
}
