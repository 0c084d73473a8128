package mcollective.cli.output;

import static mcollective.cli.output.Outputs.ok;
import static mcollective.cli.output.Outputs.result;
import static mcollective.cli.output.Outputs.rpcutil;
import static mcollective.cli.output.Outputs.ruby;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import mcollective.ddl.ActionDdl;
import mcollective.ddl.AggregateCall;
import mcollective.ddl.OutputItem;

/** The summaries of a {@code summarize} block (aggregate.rb and its plugins), checked against Ruby's own output. */
class SummariesTest {
    final Colors plain = new Colors(false);

    static ActionDdl counting(AggregateCall... calls) {
        Map<String, OutputItem> outputs = new LinkedHashMap<>();
        outputs.put("count", new OutputItem("count", "How many", "Count", Optional.empty(), Optional.of("integer")));
        return new ActionDdl("count", "Counts", "always", Map.of(), outputs, List.of(calls));
    }

    static AggregateCall call(String function, Optional<String> format) {
        return new AggregateCall(function, "count", Map.of(), format);
    }

    @Test
    void shouldCountEachValueAsRubyDoes() {
        Summaries summaries = new Summaries(rpcutil("get_fact"), plain);
        summaries.add(ok("node3", "fact", "platform", "value", "centos"));
        summaries.add(ok("node1", "fact", "platform", "value", "centos"));
        summaries.add(ok("node2", "fact", "platform", "value", "ubuntu"));

        assertThat(summaries.text()).isEqualTo("Summary of Value:\n\n   centos = 2\n   ubuntu = 1\n\n");
        assertThat(ruby("rpc-rpcutil-get_fact.txt")).contains(summaries.text());
    }

    @Test
    void shouldCountTheItemsOfListsAndAlignThem() {
        Summaries summaries = new Summaries(rpcutil("daemon_stats"), plain);
        summaries.add(ok("node2", "agents", List.of("discovery", "rpcutil"), "version", "2.12.5"));

        assertThat(summaries.text())
                .isEqualTo("Summary of Agents:\n\n     rpcutil = 1\n   discovery = 1\n\n"
                        + "Summary of Version:\n\n   2.12.5 = 1\n\n");
        assertThat(ruby("rpc-rpcutil-daemon_stats-node2.txt")).contains(summaries.text());
    }

    @Test
    void shouldLeaveFailedResultsOut() {
        Summaries summaries = new Summaries(rpcutil("get_fact"), plain);
        summaries.add(result("node1", 1, "failed", "value", "centos"));

        assertThat(summaries.text()).isEqualTo("Summary of Value:\n\n     No aggregate summary could be computed\n\n");
    }

    @Test
    void shouldPrintNothingForAnActionWithoutSummaries() {
        Summaries summaries = new Summaries(rpcutil("ping"), plain);
        summaries.add(ok("node1", "pong", 1L));

        assertThat(summaries.text()).isEmpty();
    }

    @Test
    void shouldSumAndAverageNumbersInTheirFormat() {
        Summaries summaries = new Summaries(
                counting(call("sum", Optional.empty()), call("average", Optional.of("Mean: %.1f"))), plain);
        summaries.add(ok("a", "count", 1L));
        summaries.add(ok("b", "count", 2L));

        assertThat(summaries.text())
                .isEqualTo(
                        "Summary of Count:\n\n   Sum of count: 3.000000\n\n" + "Summary of Count:\n\n   Mean: 1.5\n\n");
    }

    @Test
    void shouldSayWhenASummaryNamesAnUndeclaredOutput() {
        ActionDdl ddl = new ActionDdl(
                "count", "Counts", "always", Map.of(), Map.of(), List.of(call("summary", Optional.empty())));

        assertThat(new Summaries(ddl, plain).text())
                .isEqualTo("Summary of count:\n\n"
                        + "     Could not compute summary - unspecified output 'count' for the action\n\n");
    }

    @Test
    void shouldNameAnUnknownFunctionByItsOutputAsAStartupFailure() {
        Summaries summaries = new Summaries(counting(call("nosuch", Optional.empty())), plain);
        summaries.add(ok("a", "count", 1L));

        assertThat(summaries.text())
                .isEqualTo("Summary of count:\n\n"
                        + "     Could not compute summary - exception raised while processing startup hook\n\n");
    }

    @Test
    void shouldPrintTheFailuresAfterTheComputedSummaries() {
        Summaries summaries = new Summaries(
                counting(call("nosuch", Optional.empty()), call("sum", Optional.of("Total: %.0f"))), plain);
        summaries.add(ok("a", "count", 4L));

        assertThat(summaries.text()).startsWith("Summary of Count:\n\n   Total: 4\n\nSummary of count:\n\n");
    }
}
