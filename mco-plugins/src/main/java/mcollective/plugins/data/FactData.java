package mcollective.plugins.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import mcollective.McollectiveException;
import mcollective.spi.DataPlugin;
import mcollective.spi.NodeInfo;
import mcollective.spi.PluginContext;

/**
 * Port of {@code lib/mcollective/data/fact_data.rb}: a fact by dotted path into structured facts
 * ({@code fact('os.family').value}), arrays by index; structures come back as JSON.
 */
public final class FactData implements DataPlugin {
    private NodeInfo node;

    @Override
    public String name() {
        return "fact";
    }

    @Override
    public void init(PluginContext context) {
        node = context.service(NodeInfo.class).orElseThrow(() -> new McollectiveException("fact runs in a node"));
    }

    @Override
    public Map<String, Object> query(Optional<String> argument) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("exists", false);
        result.put("value", false);
        result.put("value_encoding", false);
        Object facts = node.facts();
        for (String level : argument.orElse("").split("\\.")) {
            if (facts instanceof List<?> list) {
                int index;
                try {
                    index = Integer.parseInt(level);
                } catch (NumberFormatException e) {
                    throw new McollectiveException("invalid value for Integer(): \"" + level + "\"");
                }
                if (index >= list.size() || index < 0) {
                    return result;
                }
                facts = list.get(index);
            } else if (facts instanceof Map<?, ?> map) {
                if (!map.containsKey(level)) {
                    return result;
                }
                facts = map.get(level);
            } else {
                return result;
            }
        }
        result.put("exists", true);
        if (facts instanceof List || facts instanceof Map) {
            try {
                result.put("value", new ObjectMapper().writeValueAsString(facts));
            } catch (JsonProcessingException e) {
                throw new McollectiveException("Cannot encode fact as JSON: " + e.getOriginalMessage());
            }
            result.put("value_encoding", "application/json");
        } else {
            result.put("value", facts);
            result.put("value_encoding", "text/plain");
        }
        return result;
    }
}
