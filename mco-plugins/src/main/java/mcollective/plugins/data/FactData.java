package mcollective.plugins.data;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import mcollective.McollectiveException;
import mcollective.protocol.codec.Json;
import mcollective.ruby.RubyNumbers;
import mcollective.spi.NodeInfo;
import mcollective.spi.PluginContext;

/**
 * Port of {@code lib/mcollective/data/fact_data.rb}: a fact by dotted path into structured facts
 * ({@code fact('os.family').value}), arrays by index (negative from the end, as in Ruby); {@code exists},
 * {@code value} (a structure comes back as JSON) and {@code value_encoding} ({@code text/plain} or
 * {@code application/json}); all three {@code false} when the path leads nowhere. Runs only in a node. Thread-safe.
 */
public final class FactData extends DdlDataPlugin {
    private static final ObjectMapper JSON = Json.mapper();

    private volatile NodeInfo node;

    @Override
    public String name() {
        return "fact";
    }

    @Override
    public void init(PluginContext context) {
        super.init(context);
        node = context.service(NodeInfo.class)
                .orElseThrow(
                        () -> new McollectiveException("the fact data plugin runs in a node: no NodeInfo service"));
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
                BigInteger index = RubyNumbers.integer(level)
                        .orElseThrow(() -> new McollectiveException("invalid value for Integer(): \"" + level + "\""));
                BigInteger size = BigInteger.valueOf(list.size());
                if (index.compareTo(size) >= 0) {
                    return result;
                }
                if (index.compareTo(size.negate()) < 0) {
                    // Ruby: facts[-9] is nil, and Data::Result refuses to store nil
                    throw new McollectiveException("Can only store String, Integer, Float or Boolean data but got"
                            + " NilClass for key value");
                }
                facts = list.get(index.signum() < 0 ? list.size() + index.intValue() : index.intValue());
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
                result.put("value", JSON.writeValueAsString(facts));
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
