package mcollective.plugins.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import mcollective.McollectiveException;
import mcollective.spi.Agent;
import mcollective.spi.NodeInfo;
import mcollective.spi.PluginContext;

/**
 * Port of {@code lib/mcollective/data/agent_data.rb}: the metadata of an agent the node runs ({@code license},
 * {@code timeout}, {@code description}, {@code url}, {@code version}, {@code author}, then {@code agent}, its name).
 * An agent the node does not run is an error ({@code No agent called x found}). Runs only in a node. Thread-safe.
 */
public final class AgentData extends DdlDataPlugin {
    private static final List<String> ITEMS = List.of("license", "timeout", "description", "url", "version", "author");

    private volatile NodeInfo node;

    @Override
    public String name() {
        return "agent";
    }

    @Override
    public void init(PluginContext context) {
        super.init(context);
        node = context.service(NodeInfo.class)
                .orElseThrow(
                        () -> new McollectiveException("the agent data plugin runs in a node: no NodeInfo service"));
    }

    @Override
    public Map<String, Object> query(Optional<String> argument) {
        String plugin = argument.orElse("");
        Agent agent = node.agentsByName().get(plugin);
        if (agent == null) {
            throw new McollectiveException("No agent called " + plugin + " found");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("agent", plugin);
        Map<String, Object> meta = agent.meta();
        ITEMS.forEach(item -> result.put(item, meta.get(item)));
        return result;
    }
}
