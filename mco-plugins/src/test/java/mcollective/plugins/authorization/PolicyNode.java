package mcollective.plugins.authorization;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import mcollective.config.Config;
import mcollective.plugin.PluginRegistry;
import mcollective.plugins.data.FstatData;
import mcollective.spi.Agent;
import mcollective.spi.DataPlugin;
import mcollective.spi.NodeInfo;
import mcollective.spi.PluginContext;

/** A node for policy tests: given facts and classes, and the shipped {@code fstat} data plugin. */
record PolicyNode(
        String identity,
        Map<String, Object> facts,
        List<String> classes,
        List<String> agents,
        List<String> agentNames,
        Map<String, Object> stats,
        Map<String, DataPlugin> dataPlugins,
        Map<String, Agent> agentsByName)
        implements NodeInfo {

    static PolicyNode of(Map<String, Object> facts, List<String> classes) {
        Map<String, DataPlugin> plugins = new TreeMap<>();
        PolicyNode node = new PolicyNode(
                "node1.example.net",
                facts,
                classes,
                List.of("rpcutil"),
                List.of("rpcutil"),
                Map.of(),
                plugins,
                Map.of());
        FstatData fstat = new FstatData();
        fstat.init(new PluginContext(
                Config.builder().environment(Map.of()).build(),
                "fstat",
                PluginRegistry.builder().autoDiscover(false).build(),
                Clock.systemUTC(),
                Map.of(),
                Map.of(NodeInfo.class, node)));
        plugins.put(fstat.name(), fstat);
        return node;
    }
}
