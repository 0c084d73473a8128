package mcollective.plugins.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import mcollective.spi.DataPlugin;
import mcollective.spi.PluginContext;

/** Port of {@code lib/mcollective/data/collective_data.rb}: whether the node is in a collective. */
public final class CollectiveData implements DataPlugin {
    private List<String> collectives = List.of();

    @Override
    public String name() {
        return "collective";
    }

    @Override
    public void init(PluginContext context) {
        collectives = context.config().collectives();
    }

    @Override
    public Map<String, Object> query(Optional<String> argument) {
        return Map.of("member", collectives.contains(argument.orElse("")));
    }
}
