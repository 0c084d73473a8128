package mcollective.cli.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import mcollective.McollectiveException;
import mcollective.cli.AppContext;
import mcollective.cli.Application;
import mcollective.cli.DiscoverySession;
import mcollective.cli.ExitCodes;
import mcollective.cli.output.RubyInspect;
import mcollective.client.RpcClient;
import mcollective.client.RpcResult;
import mcollective.client.RpcStats;
import mcollective.ddl.DdlLoader;
import mcollective.protocol.Filter;
import mcollective.protocol.codec.RubySymbol;

/**
 * Port of {@code lib/mcollective/application/inventory.rb}: a node's report ({@code mco inventory <identity>}),
 * the collectives and their sizes ({@code --list-collectives}) and a DOT graph of them ({@code --collective-graph}).
 * The Ruby {@code --script} DSL is not supported: it runs arbitrary Ruby.
 */
@Command(name = "inventory", description = "General reporting tool for nodes, collectives and subcollectives")
public final class InventoryApplication extends Application {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT);

    @Option(names = "--script", paramLabel = "SCRIPT", order = 1, description = "Script to run")
    String script;

    @Option(
            names = {"--list-collectives", "--lc"},
            order = 2,
            description = "List all known collectives")
    boolean listCollectives;

    @Option(
            names = {"--collective-graph", "--cg", "--map"},
            paramLabel = "MAP",
            order = 3,
            description = "Create a DOT graph of all collectives")
    String collectiveMap;

    @Override
    protected int main(AppContext context) {
        if (script != null) {
            throw new McollectiveException("--script runs Ruby code and is not supported; use mco rpc rpcutil "
                    + "inventory -j with a JSON tool instead");
        }
        if (collectiveMap != null) {
            return collectivesMap(context, Path.of(collectiveMap));
        }
        if (listCollectives) {
            return collectivesReport(context);
        }
        if (arguments().isEmpty()) {
            throw new McollectiveException("Need to specify either a node name, script to run or other options");
        }
        return nodeInventory(context, arguments().get(0));
    }

    private RpcClient rpcutil(AppContext context, DiscoverySession session, Filter filter) {
        return session.rpcClient(
                "rpcutil",
                filter,
                rpc,
                new DdlLoader(context.config().libdirs()).agent("rpcutil").timeout());
    }

    private int nodeInventory(AppContext context, String node) {
        PrintWriter out = context.out();
        try (DiscoverySession session = new DiscoverySession(context, common)) {
            RpcClient util =
                    rpcutil(context, session, Filter.builder().addIdentity(node).build());
            util.useNodes(List.of(node));
            List<RpcResult> stats = new ArrayList<>();
            util.call("daemon_stats", Map.of(), stats::add);
            if (stats.isEmpty()) {
                context.err().println("Did not receive any results from node " + node);
                return 1;
            }
            RpcResult nodestats = stats.get(0);
            if (!nodestats.ok()) {
                context.err().println("Failed to retrieve daemon_stats from " + node + ": " + nodestats.statusmsg());
                return 1;
            }
            List<RpcResult> inventories = new ArrayList<>();
            RpcStats last = util.call("inventory", Map.of(), inventories::add);
            for (RpcResult resp : inventories) {
                if (!resp.ok()) {
                    context.err().println("Failed to retrieve inventory for " + node + ": " + resp.statusmsg());
                    continue;
                }
                report(out, resp, nodestats.data());
                break;
            }
            return ExitCodes.haltCode(0.0001, last.discoveredCount(), last.responses(), last.failCount());
        }
    }

    private static void report(PrintWriter out, RpcResult resp, Map<String, Object> stats) {
        Map<String, Object> data = resp.data();
        out.println("Inventory for " + resp.sender() + ":");
        out.println();
        out.println("   Server Statistics:");
        out.println("                      Version: " + stats.get("version"));
        Object start = stats.get("starttime");
        out.println("                   Start Time: "
                + (start instanceof Number n
                        ? TIME.format(Instant.ofEpochSecond(n.longValue()).atZone(ZoneId.systemDefault()))
                        : ""));
        out.println("                  Config File: " + RubyInspect.plain(stats.get("configfile")));
        if (data.get("collectives") instanceof List<?> collectives) {
            out.println("                  Collectives: "
                    + String.join(
                            ", ", collectives.stream().map(String::valueOf).toList()));
        }
        if (data.containsKey("main_collective")) {
            out.println("              Main Collective: " + RubyInspect.plain(data.get("main_collective")));
        }
        out.println("                   Process ID: " + stats.get("pid"));
        out.println("               Total Messages: " + stats.get("total"));
        out.println("      Messages Passed Filters: " + stats.get("passed"));
        out.println("            Messages Filtered: " + stats.get("filtered"));
        out.println("             Expired Messages: " + stats.get("ttlexpired"));
        out.println("                 Replies Sent: " + stats.get("replies"));
        Map<?, ?> times = stats.get("times") instanceof Map<?, ?> m ? m : Map.of();
        out.println("         Total Processor Time: " + time(times, "utime") + " seconds");
        out.println("                  System Time: " + time(times, "stime") + " seconds");
        out.println();
        out.println("   Agents:");
        columns(out, strings(data.get("agents")), "      No agents installed");
        out.println();
        out.println("   Data Plugins:");
        columns(
                out,
                strings(data.get("data_plugins")).stream()
                        .map(p -> p.replace("_data", ""))
                        .toList(),
                "      No data plugins installed");
        out.println();
        out.println("   Configuration Management Classes:");
        List<String> classes = new ArrayList<>(strings(data.get("classes")));
        if (classes.isEmpty()) {
            out.println("      No classes applied");
        } else {
            classes.sort(null);
            int width =
                    Math.max(30, classes.stream().mapToInt(String::length).max().orElse(0));
            int perRow = Math.max(1, 90 / width);
            for (int i = 0; i < classes.size(); i += perRow) {
                StringBuilder row = new StringBuilder("   ");
                for (int j = i; j < i + perRow; j++) {
                    row.append(String.format(" %-" + width + "s", j < classes.size() ? classes.get(j) : ""));
                }
                out.println(row);
            }
        }
        out.println();
        out.println("   Facts:");
        if (data.get("facts") instanceof Map<?, ?> facts && !facts.isEmpty()) {
            new TreeMap<>(facts.entrySet().stream()
                            .collect(Collectors.toMap(e -> String.valueOf(e.getKey()), Map.Entry::getValue)))
                    .forEach((k, v) -> out.println("      " + k + " => " + RubyInspect.plain(v)));
        } else {
            out.println("      No facts known");
        }
    }

    private static Object time(Map<?, ?> times, String key) {
        Object value = times.get(RubySymbol.of(key));
        return value != null ? value : times.get(key);
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
    }

    /** Three columns of 15, {@code in_groups_of(3, "")}. */
    private static void columns(PrintWriter out, List<String> names, String none) {
        if (names.isEmpty()) {
            out.println(none);
            return;
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        for (int i = 0; i < sorted.size(); i += 3) {
            out.printf(
                    "      %-15s %-15s %-15s%n",
                    sorted.get(i),
                    i + 1 < sorted.size() ? sorted.get(i + 1) : "",
                    i + 2 < sorted.size() ? sorted.get(i + 2) : "");
        }
    }

    private Map<String, List<String>> collectives(AppContext context) {
        Map<String, List<String>> collectives = new LinkedHashMap<>();
        try (DiscoverySession session = new DiscoverySession(context, common)) {
            RpcClient util = rpcutil(context, session, filter.toFilter());
            session.discoverFor(util, false);
            util.call("collective_info", Map.of(), r -> {
                if (r.data().get("collectives") instanceof List<?> list) {
                    list.forEach(c -> collectives
                            .computeIfAbsent(String.valueOf(c), k -> new ArrayList<>())
                            .add(r.sender()));
                    collectives
                            .computeIfAbsent("\u0000nodes", k -> new ArrayList<>())
                            .add(r.sender());
                }
            });
        }
        return collectives;
    }

    private int collectivesReport(AppContext context) {
        Map<String, List<String>> collectives = collectives(context);
        int nodes = collectives.getOrDefault("\u0000nodes", List.of()).size();
        collectives.remove("\u0000nodes");
        PrintWriter out = context.out();
        out.printf("   %-30s %s%n", "Collective", "Nodes");
        out.printf("   %-30s %s%n", "==========", "=====");
        collectives.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> e.getValue().size()))
                .forEach(e ->
                        out.printf("   %-30s %d%n", e.getKey(), e.getValue().size()));
        out.println();
        out.printf("   %30s %d%n", "Total nodes:", nodes);
        out.println();
        return 0;
    }

    private int collectivesMap(AppContext context, Path file) {
        context.out().println("Retrieving collective info....");
        Map<String, List<String>> collectives = collectives(context);
        int nodes = collectives.getOrDefault("\u0000nodes", List.of()).size();
        collectives.remove("\u0000nodes");
        StringBuilder graph = new StringBuilder("graph {\n");
        new TreeMap<>(collectives).forEach((collective, members) -> {
            graph.append(String.format("   subgraph \"%s\" {%n", collective));
            members.forEach(m -> graph.append(String.format("      \"%s\" -- \"%s\"%n", m, collective)));
            graph.append("   }\n");
        });
        graph.append("}\n");
        try {
            Files.writeString(file, graph);
        } catch (IOException e) {
            throw new McollectiveException("Cannot write " + file + ": " + e.getMessage());
        }
        context.out().println("Graph of " + nodes + " nodes has been written to " + file);
        return 0;
    }
}
