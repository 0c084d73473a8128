package mcollective.plugins.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import mcollective.McollectiveException;
import mcollective.spi.Agent;
import mcollective.spi.DataPlugin;
import mcollective.spi.NodeInfo;
import mcollective.spi.PluginContext;

/** Port of {@code lib/mcollective/data/agent_data.rb}: an agent's metadata, if the node runs it. */
public final class AgentData implements DataPlugin {
    private NodeInfo node;

    @Override
    public String name() {
        return "agent";
    }

    @Override
    public void init(PluginContext context) {
        node = context.service(NodeInfo.class).orElseThrow(() -> new McollectiveException("agent runs in a node"));
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
        for (String item : List.of("license", "timeout", "description", "url", "version", "author")) {
            result.put(item, agent.meta().get(item));
        }
        return result;
    }
}
