package mcollective.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import mcollective.server.ReplayGuard.Verdict;

/** The memory of accepted request ids: expiry at msgtime + ttl, a hard cap, long ids by digest. */
class ReplayGuardTest {
    static final long NOW = 1_767_225_600L;

    @Test
    void shouldRememberAnIdUntilItsTtlHasPassed() {
        ReplayGuard guard = new ReplayGuard(10);

        assertThat(guard.admit("a", NOW, 60, NOW)).isEqualTo(Verdict.FIRST);
        assertThat(guard.admit("a", NOW, 60, NOW + 60)).isEqualTo(Verdict.REPLAYED);
        assertThat(guard.size(NOW + 60)).isEqualTo(1);
        assertThat(guard.size(NOW + 61)).isZero();
    }

    @Test
    void shouldRefuseNewIdsWhenFullWithoutForgettingAnyAndRecoverAsTheyExpire() {
        ReplayGuard guard = new ReplayGuard(3);
        guard.admit("a", NOW, 5, NOW);
        guard.admit("b", NOW, 50, NOW);
        guard.admit("c", NOW, 50, NOW);

        assertThat(guard.admit("d", NOW, 60, NOW + 1)).isEqualTo(Verdict.FULL);
        assertThat(guard.admit("a", NOW, 5, NOW + 1)).isEqualTo(Verdict.REPLAYED);
        assertThat(guard.admit("d", NOW, 60, NOW + 6)).isEqualTo(Verdict.FIRST);
        assertThat(guard.admit("b", NOW, 50, NOW + 6)).isEqualTo(Verdict.REPLAYED);
    }

    @Test
    void shouldSurviveABurstLargerThanItsCapacity() {
        ReplayGuard guard = new ReplayGuard(1000);
        int full = 0;
        for (int i = 0; i < 5000; i++) {
            if (guard.admit("burst-" + i, NOW, 60, NOW) == Verdict.FULL) {
                full++;
            }
        }

        assertThat(full).isEqualTo(4000);
        assertThat(guard.size(NOW)).isEqualTo(1000);
        assertThat(guard.admit("after", NOW + 61, 60, NOW + 61)).isEqualTo(Verdict.FIRST);
        assertThat(guard.size(NOW + 61)).isEqualTo(1);
    }

    @Test
    void shouldTellLongIdsApartByTheirDigest() {
        ReplayGuard guard = new ReplayGuard(10);
        String longId = "x".repeat(100_000);

        assertThat(guard.admit(longId, NOW, 60, NOW)).isEqualTo(Verdict.FIRST);
        assertThat(guard.admit(longId + "y", NOW, 60, NOW)).isEqualTo(Verdict.FIRST);
        assertThat(guard.admit(longId, NOW, 60, NOW)).isEqualTo(Verdict.REPLAYED);
    }

    @Test
    void shouldNotOverflowOnAHugeMsgtime() {
        ReplayGuard guard = new ReplayGuard(10);

        assertThat(guard.admit("a", Long.MAX_VALUE - 1, Integer.MAX_VALUE, NOW)).isEqualTo(Verdict.FIRST);
        assertThat(guard.admit("a", Long.MAX_VALUE - 1, Integer.MAX_VALUE, NOW + 1_000_000))
                .isEqualTo(Verdict.REPLAYED);
    }
}
