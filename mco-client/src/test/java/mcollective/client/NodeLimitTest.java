package mcollective.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import mcollective.McollectiveException;

/** {@code --limit} and {@code --one}: what discovery may stop at and which nodes are picked (rpc/client.rb). */
class NodeLimitTest {
    static final List<String> TEN = FakeFleet.names(10);

    static NodeLimit first(String limit) {
        return new NodeLimit(Optional.of(limit), true, Optional.empty());
    }

    static NodeLimit random(String limit, long seed) {
        return new NodeLimit(Optional.of(limit), false, Optional.of(seed));
    }

    @Nested
    class DiscoveryLimit {
        @Test
        void shouldLetDiscoveryStopAtANumberTakenFirst() {
            assertThat(first("3").discoveryLimit()).isEqualTo(3);
        }

        @Test
        void shouldDiscoverEveryNodeForAPercentageOrARandomPick() {
            assertThat(first("30%").discoveryLimit()).isZero();
            assertThat(random("3", 1).discoveryLimit()).isZero();
            assertThat(NodeLimit.none().discoveryLimit()).isZero();
        }
    }

    @Nested
    class Pick {
        @Test
        void shouldKeepEveryNodeWithoutALimit() {
            assertThat(NodeLimit.none().pick(TEN)).isEqualTo(TEN);
        }

        @Test
        void shouldTakeTheFirstNodes() {
            assertThat(first("2").pick(TEN)).containsExactly("node1.example.net", "node2.example.net");
        }

        @Test
        void shouldTakeAPercentageRoundedDownButAtLeastOne() {
            assertThat(first("25%").pick(TEN)).hasSize(2);
            assertThat(first("1%").pick(TEN)).containsExactly("node1.example.net");
        }

        @Test
        void shouldKeepEveryNodeWhenTheLimitIsLarger() {
            assertThat(first("20").pick(TEN)).isEqualTo(TEN);
        }

        @Test
        void shouldPickTheSameRandomNodesForASeedWhateverTheDiscoveryOrder() {
            List<String> shuffled = new ArrayList<>(TEN);
            Collections.shuffle(shuffled);

            List<String> picked = random("3", 42).pick(TEN);

            assertThat(picked).hasSize(3).doesNotHaveDuplicates().isSubsetOf(TEN);
            assertThat(random("3", 42).pick(shuffled)).isEqualTo(picked);
        }
    }

    @Test
    void shouldRefuseALimitThatIsNotANumberOrPercentage() {
        assertThatThrownBy(() -> first("-1"))
                .isInstanceOf(McollectiveException.class)
                .hasMessage("Invalid limit specified: -1 Valid limits are /^\\d+%*$/");
    }
}
