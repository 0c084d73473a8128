package mcollective.server;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import mcollective.matcher.ClassesFile;
import mcollective.spi.Agent;
import mcollective.spi.DataPlugin;
import mcollective.spi.FactSource;
import mcollective.spi.NodeInfo;

/** The node's live inventory, read by the filter and by rpcutil. */
final class NodeInventory implements NodeInfo {
    private final String identity;
    private final FactSource facts;
    private final ClassesFile classes;
    private final Supplier<Map<String, Agent>> byName;
    private final RunnerStats stats;

    private final Map<String, DataPlugin> dataPlugins;

    /** @param byName the node's current agents, an unmodifiable map replaced when the agents are reloaded */
    NodeInventory(
            String identity,
            FactSource facts,
            ClassesFile classes,
            Supplier<Map<String, Agent>> byName,
            Map<String, DataPlugin> dataPlugins,
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
    public Map<String, DataPlugin> dataPlugins() {
        return Collections.unmodifiableMap(dataPlugins);
    }

    @Override
    public Map<String, Agent> agentsByName() {
        return Collections.unmodifiableMap(byName.get());
    }

    @Override
    public Map<String, Object> stats() {
        return stats.toMap(agentNames());
    }
}
