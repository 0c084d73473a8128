package mcollective.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import mcollective.McollectiveException;
import mcollective.client.RpcStats;

/** {@code halt_code}: the exit code a script sees after a request. */
class ExitCodesTest {
    static RpcStats stats(Optional<List<String>> discovered, List<String> responded, int failed, Duration discovery) {
        return new RpcStats(
                "id",
                discovered,
                responded,
                responded.size() - failed,
                failed,
                Instant.EPOCH,
                discovery,
                Duration.ofMillis(5));
    }

    @Test
    void shouldBeZeroWhenEveryDiscoveredNodeAnsweredOk() {
        assertThat(ExitCodes.haltCode(
                        stats(Optional.of(List.of("a", "b")), List.of("a", "b"), 0, Duration.ofSeconds(2))))
                .isZero();
    }

    @Test
    void shouldBeOneWhenNothingWasDiscovered() {
        assertThat(ExitCodes.haltCode(stats(Optional.of(List.of()), List.of(), 0, Duration.ofSeconds(2))))
                .isEqualTo(1);
    }

    @Test
    void shouldBeTwoWhenSomeResultFailed() {
        assertThat(ExitCodes.haltCode(
                        stats(Optional.of(List.of("a", "b")), List.of("a", "b"), 1, Duration.ofSeconds(2))))
                .isEqualTo(2);
    }

    @Test
    void shouldBeThreeWhenDiscoveredNodesDidNotAnswer() {
        assertThat(ExitCodes.haltCode(stats(Optional.of(List.of("a")), List.of(), 0, Duration.ofSeconds(2))))
                .isEqualTo(3);
    }

    @Test
    void shouldBeFourWithoutDiscoveryAndWithoutAnswers() {
        assertThat(ExitCodes.haltCode(0, 0, 0, 0)).isEqualTo(4);
    }

    @Test
    void shouldBeZeroWithoutDiscoveryWhenSomeoneAnswered() {
        assertThat(ExitCodes.haltCode(stats(Optional.empty(), List.of("a"), 0, Duration.ofMillis(1))))
                .isZero();
    }

    @Test
    void shouldMapEveryFailureToOneAsApplicationFailureDoes() {
        assertThat(ExitCodes.MAPPER.getExitCode(new McollectiveException("x"))).isEqualTo(1);
        assertThat(ExitCodes.MAPPER.getExitCode(new ParameterException(new CommandLine(CommandSpec.create()), "x")))
                .isEqualTo(1);
        assertThat(ExitCodes.MAPPER.getExitCode(new IllegalStateException("x"))).isEqualTo(1);
    }
}
