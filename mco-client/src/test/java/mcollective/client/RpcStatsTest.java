package mcollective.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** What one call came to (rpc/stats.rb). */
class RpcStatsTest {

    static RpcStats stats(Optional<List<String>> discovered, List<String> responded) {
        return new RpcStats(
                "0123",
                discovered,
                responded,
                responded.size(),
                0,
                Instant.EPOCH,
                Duration.ofMillis(20),
                Duration.ofMillis(30));
    }

    @Test
    void shouldListTheDiscoveredNodesThatDidNotAnswerSorted() {
        RpcStats stats = stats(Optional.of(List.of("c", "a", "b")), List.of("b"));

        assertThat(stats.noResponseFrom()).containsExactly("a", "c");
        assertThat(stats.discoveredCount()).isEqualTo(3);
        assertThat(stats.responses()).isEqualTo(1);
    }

    @Test
    void shouldListTheNodesThatAnsweredWithoutBeingDiscoveredSorted() {
        RpcStats stats = stats(Optional.of(List.of("a")), List.of("z", "a", "m"));

        assertThat(stats.unexpectedResponseFrom()).containsExactly("m", "z");
    }

    @Test
    void shouldFindNothingUnexpectedWithoutDiscovery() {
        RpcStats stats = stats(Optional.empty(), List.of("a"));

        assertThat(stats.unexpectedResponseFrom()).isEmpty();
        assertThat(stats.noResponseFrom()).isEmpty();
        assertThat(stats.discoveredCount()).isZero();
    }

    @Test
    void shouldAddTheDiscoveryAndAgentTimes() {
        assertThat(stats(Optional.empty(), List.of()).totalTime()).isEqualTo(Duration.ofMillis(50));
    }
}
