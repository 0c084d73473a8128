package mcollective.server;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import mcollective.matcher.ClassesFile;
import mcollective.spi.FactSource;
import mcollective.spi.NodeInfo;

/** The node's live inventory, read by the filter and by rpcutil. */
final class NodeInventory implements NodeInfo {
    private final String identity;
    private final FactSource facts;
    private final ClassesFile classes;
    private final Supplier<Map<String, mcollective.spi.Agent>> byName;
    private final RunnerStats stats;

    private final Map<String, mcollective.spi.DataPlugin> dataPlugins;

    /** @param byName the node's current agents, an unmodifiable map replaced when the agents are reloaded */
    NodeInventory(
            String identity,
            FactSource facts,
            ClassesFile classes,
            Supplier<Map<String, mcollective.spi.Agent>> byName,
            Map<String, mcollective.spi.DataPlugin> dataPlugins,
            RunnerStats stats) {
        this.dataPlugins = dataPlugins;
        this.byName = byName;
        this.identity = identity;
        this.facts = facts;
        this.classes = classes;
        this.stats = stats;
    }

    @Override
    public String identity() {
        return identity;
    }

    @Override
    public Map<String, Object> facts() {
        return facts.facts();
    }

    @Override
    public List<String> classes() {
        return classes.classes();
    }

    @Override
    public List<String> agents() {
        return List.copyOf(byName.get().keySet());
    }

    @Override
    public List<String> agentNames() {
        return agents().stream().sorted().toList();
    }

    @Override
    public Map<String, mcollective.spi.DataPlugin> dataPlugins() {
        return java.util.Collections.unmodifiableMap(dataPlugins);
    }

    @Override
    public Map<String, mcollective.spi.Agent> agentsByName() {
        return java.util.Collections.unmodifiableMap(byName.get());
    }

    @Override
    public Map<String, Object> stats() {
        return stats.toMap(agentNames());
    }
}
