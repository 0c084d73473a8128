package mcollective.plugins.data;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import mcollective.config.Config;
import mcollective.plugin.PluginRegistry;
import mcollective.protocol.Request;
import mcollective.spi.Agent;
import mcollective.spi.DataPlugin;
import mcollective.spi.NodeInfo;
import mcollective.spi.PluginContext;

/**
 * The node of reference/MCOLLECTIVE.md §5.4's verified table (facts country uk, cpus "4", version "2.10", os {family: RedHat},
 * list [one, two]; classes apache, profile::base, role.web; agent rpcutil; collective mcollective), with the four
 * shipped data plugins initialised against it.
 */
record FakeNode(
        String identity,
        Map<String, Object> facts,
        List<String> classes,
        Map<String, Agent> agentsByName,
        Map<String, DataPlugin> dataPlugins)
        implements NodeInfo {

    static FakeNode web1(Clock clock) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("country", "uk");
        facts.put("cpus", "4");
        facts.put("version", "2.10");
        facts.put("os", Map.of("family", "RedHat"));
        facts.put("list", List.of("one", "two"));
        Map<String, Agent> agents = Map.of("rpcutil", new MetaAgent());
        Map<String, DataPlugin> plugins = new TreeMap<>();
        FakeNode node = new FakeNode(
                "web1.example.net", facts, List.of("apache", "profile::base", "role.web"), agents, plugins);
        Config config = Config.builder()
                .set("identity", "web1.example.net")
                .set("collectives", "mcollective,uk")
                .set("main_collective", "mcollective")
                .environment(Map.of())
                .build();
        PluginContext context = new PluginContext(
                config,
                "data",
                PluginRegistry.builder().autoDiscover(false).build(),
                clock,
                Map.of(),
                Map.of(NodeInfo.class, node));
        for (DataPlugin plugin : List.of(new AgentData(), new CollectiveData(), new FactData(), new FstatData())) {
            plugin.init(context.forPlugin(plugin.name()));
            plugins.put(plugin.name(), plugin);
        }
        return node;
    }

    @Override
    public List<String> agents() {
        return List.copyOf(agentsByName.keySet());
    }

    @Override
    public List<String> agentNames() {
        return agents();
    }

    @Override
    public Map<String, Object> stats() {
        return Map.of();
    }

    /** rpcutil with the metadata of its 2.12.5 DDL. */
    static final class MetaAgent implements Agent {
        @Override
        public String name() {
            return "rpcutil";
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(10);
        }

        @Override
        public Optional<Object> handle(Request request) {
            return Optional.empty();
        }

        @Override
        public Map<String, Object> meta() {
            return Map.of(
                    "license",
                    "Apache License, Version 2.0",
                    "timeout",
                    10,
                    "description",
                    "General helpful actions that expose stats and internals to SimpleRPC clients",
                    "url",
                    "https://docs.puppetlabs.com/mcollective/",
                    "version",
                    "1.0",
                    "author",
                    "R.I.Pienaar <rip@devco.net>");
        }
    }
}
