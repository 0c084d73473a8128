package mcollective.cli.app;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import mcollective.cli.AppContext;
import mcollective.cli.Application;
import mcollective.cli.ExitCodes;
import mcollective.client.Client;
import mcollective.client.RequestStats;
import mcollective.config.Config;

/**
 * Port of {@code lib/mcollective/application/ping.rb}: a broadcast {@code "ping"} to the discovery agent, one line
 * per reply as it arrives, then the statistics. Unlike Ruby, {@code --expect N} stops as soon as N replies came
 * instead of always waiting out the timeout.
 */
@Command(name = "ping", description = "Ping all nodes")
public final class PingApplication extends Application {
    @Option(
            names = {"-g", "--graph"},
            order = 1,
            description = "Shows a graph of ping distribution")
    boolean graph;

    @Option(
            names = "--expect",
            paramLabel = "COUNT",
            order = 2,
            description = "Stop waiting once COUNT replies have arrived")
    Integer expect;

    @Override
    protected int main(AppContext context) {
        Config config = context.config();
        // application/ping.rb: an untouched -t 5 grows by the discovery timeout (MCO-775).
        int timeout = common.timeout().orElse(5);
        if (common.timeout().isEmpty() || timeout == 5) {
            timeout += common.discoveryTimeout(config).orElse(0);
        }
        List<Double> times = new ArrayList<>();
        try (Client client = new Client(
                config, context.registry(), common.clientOptions(config), Clock.systemUTC(), context.env())) {
            client.connect();
            long start = System.nanoTime();
            RequestStats stats = client.request(
                    "ping",
                    "discovery",
                    filter.toFilter(),
                    List.of(),
                    Duration.ofSeconds(timeout),
                    count -> expect != null && count >= expect,
                    reply -> {
                        double ms = (System.nanoTime() - start) / 1e6;
                        times.add(ms);
                        context.out().printf(Locale.ROOT, "%-40s time=%.2f ms%n", reply.senderId(), ms);
                        context.out().flush();
                    });
            context.out().println("\n\n---- ping statistics ----");
            if (times.isEmpty()) {
                context.out().println("No responses received");
            } else {
                double max =
                        times.stream().mapToDouble(Double::doubleValue).max().orElse(0);
                double min =
                        times.stream().mapToDouble(Double::doubleValue).min().orElse(0);
                double avg = times.stream()
                        .mapToDouble(Double::doubleValue)
                        .average()
                        .orElse(0);
                boolean spark = graph || config.pluginSettings().containsKey("rpc.graph");
                context.out()
                        .printf(
                                Locale.ROOT,
                                "%d replies max: %.2f min: %.2f avg: %.2f %s%n",
                                times.size(),
                                max,
                                min,
                                avg,
                                spark ? spark(times) : "");
            }
            return ExitCodes.haltCode(0, 0, stats.responses(), 0);
        }
    }

    /** The sparkline of 50 ms buckets of {@code ping.rb spark}. */
    static String spark(List<Double> times) {
        String[] ticks = {"▁", "▂", "▃", "▄", "▅", "▆", "▇"};
        Map<Integer, Integer> histo = new TreeMap<>();
        for (double time : times) {
            int bucket = (int) (time + 50 - (time % 50));
            histo.merge(bucket, 1, Integer::sum);
        }
        int min = ((TreeMap<Integer, Integer>) histo).firstKey();
        int max = ((TreeMap<Integer, Integer>) histo).lastKey();
        for (int i = 0; i < (max - min) / 50; i++) {
            histo.putIfAbsent(i * 50 + min, 0);
        }
        int top = histo.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        double distance = top / (double) (ticks.length - 1);
        StringBuilder out = new StringBuilder();
        for (int value : histo.values()) {
            long tick = Math.max(0, Math.round(value / distance));
            out.append(ticks[(int) Math.min(tick, ticks.length - 1)]);
        }
        return out.toString();
    }
}
