package mcollective.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import mcollective.testdata.Reference;

class MutatorTest {
    private static final List<String> DESTINATIONS = List.of("/topic/a", "/queue/b");
    private final Seeds seeds = Seeds.load(Reference.path("frames"), "psk");

    @Test
    void theSameSeedMakesTheSameMessages() {
        Mutator a = new Mutator(42, seeds, DESTINATIONS, 1_700_000_000L, Set.of());
        Mutator b = new Mutator(42, seeds, DESTINATIONS, 1_700_000_000L, Set.of());
        for (int i = 0; i < 300; i++) {
            Mutation x = a.next();
            Mutation y = b.next();
            assertThat(y.kind()).isEqualTo(x.kind());
            assertThat(y.destination()).isEqualTo(x.destination());
            assertThat(y.body()).isEqualTo(x.body());
        }
    }

    @Test
    void leftOutKindsAreNeverMade() {
        Mutator m = new Mutator(7, seeds, DESTINATIONS, 1_700_000_000L, Set.of(Mutation.Kind.NESTED_FILTER));
        for (int i = 0; i < 500; i++) {
            assertThat(m.next().kind()).isNotEqualTo(Mutation.Kind.NESTED_FILTER);
        }
    }
}
