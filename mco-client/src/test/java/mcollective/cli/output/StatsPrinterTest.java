package mcollective.cli.output;

import static mcollective.cli.output.Outputs.ruby;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import mcollective.client.RpcStats;

/** The closing lines of a call (rpc/helpers.rb rpcstats), checked against Ruby's own output. */
class StatsPrinterTest {
    final StatsPrinter plain = new StatsPrinter(new Colors(false));

    static RpcStats stats(List<String> discovered, List<String> responded, long agentMicros) {
        return new RpcStats(
                "0123",
                Optional.of(discovered),
                responded,
                responded.size(),
                0,
                Instant.parse("2026-11-25T05:23:46Z"),
                Duration.ofNanos(2_006_040_000L),
                Duration.ofNanos(agentMicros * 1000));
    }

    static final List<String> THREE = List.of("node1.example.net", "node2.example.net", "node3.example.net");

    @Test
    void shouldSayHowManyHostsFinishedInHowLong() {
        String printed = plain.text(stats(THREE, THREE, 11_780), false, "rpcutil#ping call stats", "");

        assertThat(printed).isEqualTo("\nFinished processing 3 / 3 hosts in 11.78 ms\n\n");
        assertThat(ruby("rpc-rpcutil-ping.txt")).endsWith("\n" + printed);
    }

    @Test
    void shouldPutTheSummariesFirst() {
        String printed = plain.text(stats(THREE, THREE, 12_780), false, "c", "Summary of Value:\n\n   centos = 3\n\n");

        assertThat(printed).startsWith("Summary of Value:\n\n   centos = 3\n\n\nFinished processing 3 / 3 hosts");
    }

    @Test
    void shouldPrintTheVerboseBlockAsRubyDoes() {
        String printed = plain.text(stats(THREE, THREE, 33_520), true, "rpcutil#ping call stats", "");

        String ruby = ruby("rpc-rpcutil-ping-verbose.txt");
        for (String line : List.of(
                "---- rpcutil#ping call stats ----",
                "           Nodes: 3 / 3",
                "     Pass / Fail: 3 / 0",
                "  Discovery Time: 2006.04ms",
                "      Agent Time: 33.52ms",
                "      Total Time: 2039.56ms")) {
            assertThat(printed).contains(line + "\n");
            assertThat(ruby).contains(line + "\n");
        }
        assertThat(printed).containsPattern("\n      Start Time: 2026-11-2[456] \\d\\d:\\d\\d:46 [+-]\\d{4}\n");
    }

    @Test
    void shouldListTheHostsThatDidNotAnswerInColumns() {
        List<String> five =
                List.of("e.example.net", "a.example.net", "c.example.net", "b.example.net", "d.example.net");

        String printed = plain.text(stats(five, List.of("c.example.net"), 1000), false, "c", "");

        assertThat(printed)
                .contains("Finished processing 1 / 5 hosts in 1.00 ms\n\n\nNo response from:\n\n")
                .contains("    " + String.format("%-30s %-30s %-30s", "a.example.net", "b.example.net", "d.example.net")
                        + "\n")
                .contains("    " + String.format("%-30s %-30s %-30s", "e.example.net", "", "") + "\n");
    }

    @Test
    void shouldListTheHostsThatAnsweredUnasked() {
        String printed = plain.text(
                stats(List.of("a.example.net"), List.of("a.example.net", "z.example.net"), 1000), false, "c", "");

        assertThat(printed).contains("Unexpected response from:\n\n    z.example.net");
        assertThat(printed).doesNotContain("No response from:");
    }

    @Test
    void shouldColourAShortCountRed() {
        String printed = new StatsPrinter(new Colors(true))
                .text(stats(THREE, List.of("node1.example.net"), 1000), false, "c", "");

        assertThat(printed).contains("\u001b[31m1\u001b[0m / \u001b[31m3\u001b[0m hosts");
    }
}
