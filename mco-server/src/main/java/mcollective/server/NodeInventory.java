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
    private final Supplier<List<String>> agents;
    private final Map<String, mcollective.spi.Agent> byName;
    private final RunnerStats stats;

    private final Map<String, mcollective.spi.DataPlugin> dataPlugins;

    NodeInventory(String identity, FactSource facts, ClassesFile classes, Map<String, mcollective.spi.Agent> byName,
            Map<String, mcollective.spi.DataPlugin> dataPlugins, RunnerStats stats) {
        this.dataPlugins = dataPlugins;
        this.byName = byName;
        Supplier<List<String>> agents = () -> List.copyOf(byName.keySet());
        this.identity = identity;
        this.facts = facts;
        this.classes = classes;
        this.agents = agents;
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
        return agents.get();
    }

    @Override
    public List<String> agentNames() {
        return agents.get().stream().sorted().toList();
    }

    @Override
    public Map<String, mcollective.spi.DataPlugin> dataPlugins() {
        return java.util.Collections.unmodifiableMap(dataPlugins);
    }

    @Override
    public Map<String, mcollective.spi.Agent> agentsByName() {
        return java.util.Collections.unmodifiableMap(byName);
    }

    @Override
    public Map<String, Object> stats() {
        return stats.toMap(agentNames());
    }
}
