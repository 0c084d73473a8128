package mcollective.plugins.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import mcollective.spi.PluginContext;

/**
 * Port of {@code lib/mcollective/data/collective_data.rb}: {@code member}, whether the node's configured
 * {@code collectives} include the one asked about. Thread-safe.
 */
public final class CollectiveData extends DdlDataPlugin {
    private volatile List<String> collectives = List.of();

    @Override
    public String name() {
        return "collective";
    }

    @Override
    public void init(PluginContext context) {
        super.init(context);
        collectives = List.copyOf(context.config().collectives());
    }

    @Override
    public Map<String, Object> query(Optional<String> argument) {
        return Map.of("member", argument.map(collectives::contains).orElse(false));
    }
}
