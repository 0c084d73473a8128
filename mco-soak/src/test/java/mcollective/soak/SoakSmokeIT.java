package mcollective.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.testdata.Reference;

/**
 * A short soak (2,000 messages, the node-killing kinds left out) against a real node process. Needs the
 * mco-server and mco-client jars, as {@code bin/mcollectived} and {@code bin/mco} do.
 */
class SoakSmokeIT {
    @Test
    void aNodeSurvivesAShortSoak(@TempDir Path dir) throws Exception {
        Path root = Reference.root().getParent();
        SoakOptions options = new SoakOptions(
                2000,
                60,
                1,
                1000,
                10,
                dir,
                Reference.path("frames"),
                Optional.empty(),
                Set.of(Mutation.Kind.NESTED_FILTER, Mutation.Kind.DEEP_NESTING));
        assertThat(SoakMain.run(options, root)).isTrue();
    }
}
