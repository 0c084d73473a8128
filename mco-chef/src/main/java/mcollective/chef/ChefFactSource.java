package mcollective.chef;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import mcollective.McollectiveException;
import mcollective.config.PluginConfig;
import mcollective.plugins.facts.FactWhitelist;
import mcollective.spi.PluginContext;
import mcollective.spi.support.AbstractFactSource;

/**
 * Facts from the node's own document on the Chef server ({@code factsource = chef}): a signed
 * {@code GET /nodes/<node_name>} as chef-client's own client (settings from {@code /etc/chef/client.rb} and
 * {@code plugin.chef.*}, see {@link KnifeConfig#forNode}; the node name defaults to the {@code identity}), turned into
 * facts by {@link ChefNodeFacts}: {@code chef_environment}, the List facts {@code roles}, {@code recipes} and
 * {@code run_list}, and the merged attributes flattened and restricted by {@code plugin.chef.fact_whitelist}. No Ruby
 * original: the zts cookbook wrote a YAML file from a Chef handler instead (etc/chef/mcollective_handler.rb).
 *
 * <p>Loaded every {@code fact_cache_time}, after the first time on a background thread, so a Chef server that is
 * slow or does not answer never holds up a request; the client key and client.rb are read again at each load. A failed load
 * (server down, key refused, node missing) is one log line and the last good facts stay. Thread-safe (see
 * {@link AbstractFactSource}).
 */
public final class ChefFactSource extends AbstractFactSource {
    private volatile PluginConfig plugin;
    private volatile String identity;
    private volatile List<String> whitelist = ChefNodeFacts.DEFAULT_WHITELIST;

    /** @return {@code "chef"} */
    @Override
    public String name() {
        return "chef";
    }

    /** Reads {@code plugin.chef.*}, {@code identity} and {@code fact_cache_time}; talks to no server yet. */
    @Override
    public void init(PluginContext context) {
        this.plugin = context.pluginConfig();
        this.identity = context.config().identity();
        this.whitelist = plugin.get("fact_whitelist").map(FactWhitelist::parse).orElse(ChefNodeFacts.DEFAULT_WHITELIST);
        configureCache(Duration.ofSeconds(context.config().factCacheTime()), context.clock());
        refreshInBackground("chef-facts");
    }

    @Override
    protected Map<?, ?> loadFacts() {
        if (plugin == null) {
            throw new McollectiveException("The chef fact source was not initialised");
        }
        ChefApi chef = ChefApi.connect(
                KnifeConfig.forNode(
                        plugin,
                        identity,
                        Optional.ofNullable(System.getProperty("user.home")).map(Path::of)),
                plugin);
        String node = chef.knife().nodeName();
        String path =
                "/nodes/" + URLEncoder.encode(node, StandardCharsets.UTF_8).replace("+", "%20");
        try {
            return ChefNodeFacts.of(chef.get(path), whitelist);
        } catch (ChefApi.ChefServerException e) {
            if (e.status() == 404) {
                throw new McollectiveException("The Chef server " + chef.knife().serverUrl() + " has no node '" + node
                        + "' (the name is plugin.chef.node_name, else client.rb's node_name, else the identity): "
                        + e.serverMessage());
            }
            throw e;
        }
    }
}
