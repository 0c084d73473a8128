package mcollective.cli.output;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import mcollective.client.RpcStats;

/**
 * The closing lines of an RPC run. Port of {@code rpc/helpers.rb rpcstats} / {@code printrpcstats}:
 * {@code Finished processing R / D hosts in T ms}, or with {@code -v} the {@code ---- caption ----} block (where
 * Ruby prints "discovered / responses", quirk Q-9), then the {@code No response from:} and
 * {@code Unexpected response from:} blocks.
 */
public final class StatsPrinter {
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT);

    private final Colors colors;

    public StatsPrinter(Colors colors) {
        this.colors = colors;
    }

    /**
     * {@code Stats#report} as {@code puts} prints it. {@code aggregates} is the text of the summaries (empty when
     * there are none or they are not wanted).
     */
    public String text(RpcStats stats, boolean verbose, String caption, String aggregates) {
        List<String> lines = new ArrayList<>();
        lines.add(aggregates);
        if (verbose) {
            boolean short_ = stats.responses() < stats.discoveredCount();
            lines.add(colors.yellow("---- " + caption + " ----"));
            lines.add(String.format(
                    "           Nodes: %s / %s",
                    color(short_, stats.discoveredCount()), color(short_, stats.responses())));
            lines.add(String.format("     Pass / Fail: %d / %d", stats.okCount(), stats.failCount()));
            lines.add(String.format(
                    "      Start Time: %s", START.format(stats.startTime().atZone(ZoneId.systemDefault()))));
            lines.add(String.format(Locale.ROOT, "  Discovery Time: %.2fms", ms(stats.discoveryTime())));
            lines.add(String.format(Locale.ROOT, "      Agent Time: %.2fms", ms(stats.blockTime())));
            lines.add(String.format(Locale.ROOT, "      Total Time: %.2fms", ms(stats.totalTime())));
        } else {
            boolean complete = stats.responses() >= stats.discoveredCount();
            String responses = Integer.toString(stats.responses());
            String discovered = Integer.toString(stats.discoveredCount());
            lines.add(String.format(
                    Locale.ROOT,
                    "Finished processing %s / %s hosts in %.2f ms",
                    complete ? colors.green(responses) : colors.red(responses),
                    complete ? colors.green(discovered) : colors.red(discovered),
                    ms(stats.blockTime())));
        }
        // Ruby tests the reports for truth, and "" is true: these blank lines always come.
        lines.add("");
        String missing = nodeBlock("No response from:", stats.noResponseFrom());
        if (!missing.isEmpty()) {
            lines.add("");
            lines.add(missing);
        }
        String unexpected = nodeBlock("Unexpected response from:", stats.unexpectedResponseFrom());
        if (!unexpected.isEmpty()) {
            lines.add("");
            lines.add(unexpected);
        }
        lines.add("");
        String text = String.join("\n", lines);
        return text.endsWith("\n") ? text : text + "\n";
    }

    private String color(boolean red, int value) {
        return red ? colors.red(Integer.toString(value)) : Integer.toString(value);
    }

    /** A red heading, a blank line, then the names sorted in columns of width max(30, longest). */
    private String nodeBlock(String heading, List<String> nodes) {
        if (nodes.isEmpty()) {
            return "";
        }
        int width = Math.max(30, nodes.stream().mapToInt(String::length).max().orElse(0));
        int columns = Math.max(1, 90 / width);
        StringBuilder text = new StringBuilder(colors.red(heading)).append("\n\n");
        for (int i = 0; i < nodes.size(); i += columns) {
            StringBuilder row = new StringBuilder("   ");
            for (int j = 0; j < columns; j++) {
                row.append(String.format(" %-" + width + "s", i + j < nodes.size() ? nodes.get(i + j) : ""));
            }
            text.append(row).append("\n");
        }
        return text.toString();
    }

    private static double ms(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
