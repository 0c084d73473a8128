package mcollective.cli.output;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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

    public String text(RpcStats stats, boolean verbose, String caption) {
        StringBuilder text = new StringBuilder();
        if (verbose) {
            text.append(colors.yellow("---- " + caption + " ----")).append('\n');
            text.append(String.format("           Nodes: %d / %d%n", stats.discoveredCount(), stats.responses()));
            text.append(String.format("     Pass / Fail: %d / %d%n", stats.okCount(), stats.failCount()));
            text.append(String.format("      Start Time: %s%n", START.format(stats.startTime().atZone(ZoneOffset.UTC))));
            text.append(String.format(Locale.ROOT, "  Discovery Time: %.2fms%n", ms(stats.discoveryTime())));
            text.append(String.format(Locale.ROOT, "      Agent Time: %.2fms%n", ms(stats.blockTime())));
            text.append(String.format(Locale.ROOT, "      Total Time: %.2fms%n", ms(stats.totalTime())));
        } else {
            boolean complete = stats.discoveredCount() == stats.responses();
            String responses = Integer.toString(stats.responses());
            String discovered = Integer.toString(stats.discoveredCount());
            text.append(String.format(Locale.ROOT, "Finished processing %s / %s hosts in %.2f ms%n%n",
                    complete ? colors.green(responses) : colors.red(responses),
                    complete ? colors.green(discovered) : colors.red(discovered), ms(stats.blockTime())));
        }
        text.append(nodeBlock("No response from:", stats.noResponseFrom()));
        text.append(nodeBlock("Unexpected response from:", stats.unexpectedResponseFrom()));
        return text.toString();
    }

    /** OUT-10: a red heading, then the names in columns of width max(30, longest), 90 characters a row. */
    private String nodeBlock(String heading, List<String> nodes) {
        if (nodes.isEmpty()) {
            return "";
        }
        int width = Math.max(30, nodes.stream().mapToInt(String::length).max().orElse(0));
        int columns = Math.max(1, 90 / width);
        StringBuilder text = new StringBuilder("\n").append(colors.red(heading)).append("\n\n");
        for (int i = 0; i < nodes.size(); i += columns) {
            StringBuilder row = new StringBuilder("   ");
            for (int j = 0; j < columns; j++) {
                row.append(String.format(" %-" + width + "s", i + j < nodes.size() ? nodes.get(i + j) : ""));
            }
            text.append(row).append('\n');
        }
        return text.append('\n').toString();
    }

    private static double ms(java.time.Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
