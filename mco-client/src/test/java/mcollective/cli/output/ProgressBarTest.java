package mcollective.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The progress indicator of rpc/progress.rb: a counter off a terminal, a bar on one. */
class ProgressBarTest {

    @Test
    void shouldCountRepliesOffATerminalAsRubyDoes() {
        ProgressBar bar = new ProgressBar(false, 80, new Colors(false));
        StringBuilder printed = new StringBuilder();
        for (int i = 0; i <= 3; i++) {
            printed.append(bar.twirl(i, 3));
        }

        assertThat(printed.toString()).isEqualTo("\r0 / 3\r1 / 3\r2 / 3\r3 / 3");
        assertThat(Outputs.ruby("rpc-rpcutil-ping.txt")).contains(printed);
    }

    @Test
    void shouldDrawABarThatFillsOnATerminal() {
        ProgressBar bar = new ProgressBar(true, 80, new Colors(false));

        assertThat(bar.twirl(0, 2)).isEqualTo("\r | [ >" + " ".repeat(58) + " ] 0 / 2");
        assertThat(bar.twirl(1, 2)).isEqualTo("\r / [ " + "=".repeat(29) + ">" + " ".repeat(29) + " ] 1 / 2");
        assertThat(bar.twirl(2, 2)).isEqualTo("\r * [ " + "=".repeat(58) + "> ] 2 / 2");
    }

    @Test
    void shouldFitTheBarToANarrowTerminal() {
        assertThat(new ProgressBar(true, 20, new Colors(false)).twirl(1, 1)).isEqualTo("\r * [ ==========> ] 1 / 1");
    }

    @Test
    void shouldCountWithoutABarWhenNothingIsExpected() {
        assertThat(new ProgressBar(true, 80, new Colors(false)).twirl(0, 0)).isEqualTo("\r0 / 0");
    }
}
