package mcollective.plugins.agent;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import mcollective.McollectiveException;
import mcollective.Version;
import mcollective.config.Config;
import mcollective.config.ConfigKey;
import mcollective.ddl.DdlException;
import mcollective.protocol.codec.RubySymbol;
import mcollective.rpc.RpcException;
import mcollective.rpc.RpcReply;
import mcollective.rpc.RpcRequest;
import mcollective.spi.DataPlugin;
import mcollective.spi.NodeInfo;
import mcollective.spi.PluginContext;
import mcollective.spi.support.RpcAgent;

/**
 * Port of {@code lib/mcollective/agent/rpcutil.rb}: the node's utility agent, with {@code ping}, {@code get_fact},
 * {@code get_facts}, {@code collective_info}, {@code daemon_stats}, {@code inventory}, {@code agent_inventory},
 * {@code get_config_item} and {@code get_data}. Its DDL ({@code agent/rpcutil.ddl} in a libdir) validates the inputs
 * and fills in the output defaults through {@link RpcAgent}.
 */
public final class RpcutilAgent extends RpcAgent {
    private Config config;
    private NodeInfo node;
    private Clock clock;

    public RpcutilAgent() {
        action("ping", this::ping);
        action("get_fact", this::getFact);
        action("get_facts", this::getFacts);
        action("collective_info", this::collectiveInfo);
        action("daemon_stats", this::daemonStats);
        action("inventory", this::inventory);
        action("agent_inventory", this::agentInventory);
        action("get_config_item", this::getConfigItem);
        action("get_data", this::getData);
    }

    @Override
    public String name() {
        return "rpcutil";
    }

    @Override
    public void init(PluginContext context) {
        super.init(context);
        this.config = context.config();
        this.clock = context.clock();
        this.node = context.service(NodeInfo.class)
                .orElseThrow(() -> new McollectiveException("rpcutil runs only inside a node"));
    }

    private void ping(RpcRequest request, RpcReply reply) {
        reply.put("pong", clock.instant().getEpochSecond());
    }

    private void getFact(RpcRequest request, RpcReply reply) {
        String fact = String.valueOf(request.require("fact"));
        reply.put("fact", fact);
        reply.put("value", node.facts().get(fact));
    }

    private void getFacts(RpcRequest request, RpcReply reply) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String fact : String.valueOf(request.require("facts")).split(",")) {
            values.put(fact.strip(), node.facts().get(fact.strip()));
        }
        reply.put("values", values);
    }

    private void collectiveInfo(RpcRequest request, RpcReply reply) {
        reply.put("main_collective", config.mainCollective());
        reply.put("collectives", List.copyOf(config.collectives()));
    }

    private void daemonStats(RpcRequest request, RpcReply reply) {
        Map<String, Object> stats = node.stats();
        for (String key : List.of("threads", "agents", "pid", "times")) {
            reply.put(key, stats.get(key));
        }
        reply.put("configfile", config.configFile().map(Object::toString).orElse(""));
        reply.put("version", Version.VERSION);
        @SuppressWarnings("unchecked")
        Map<String, Object> counters = (Map<String, Object>) stats.getOrDefault("stats", Map.of());
        counters.forEach(reply::put);
    }

    private void agentInventory(RpcRequest request, RpcReply reply) {
        List<Object> agents = new ArrayList<>();
        node.agentsByName().keySet().stream().sorted().forEach(name -> {
            Map<Object, Object> data = new LinkedHashMap<>();
            for (String key :
                    List.of("agent", "license", "timeout", "description", "name", "url", "version", "author")) {
                data.put(RubySymbol.of(key), "unknown");
            }
            data.put(RubySymbol.of("agent"), name);
            data.put(RubySymbol.of("name"), name);
            data.put(
                    RubySymbol.of("timeout"),
                    node.agentsByName().get(name).timeout().toSeconds());
            node.agentsByName().get(name).meta().forEach((k, v) -> data.put(RubySymbol.of(k), v));
            agents.add(data);
        });
        reply.put("agents", agents);
    }

    /** Any config reader by its Ruby name; an unknown one fails with Ruby's message (statuscode 1). */
    private void getConfigItem(RpcRequest request, RpcReply reply) {
        String item = String.valueOf(request.require("item"));
        Object value = ConfigKey.byName(item)
                .map(config::get)
                .orElseThrow(() -> RpcException.aborted("Unknown config property " + item));
        if (value instanceof Optional<?> optional) {
            value = optional.orElse(null);
        }
        if (value instanceof Path path) {
            value = path.toString();
        } else if (value instanceof Integer n) {
            value = n.longValue();
        } else if (value instanceof List<?> list) {
            value = list.stream()
                    .map(v -> v instanceof Path p ? p.toString() : v)
                    .toList();
        }
        reply.put("item", item);
        reply.put("value", value);
    }

    /** A data plugin's outputs for one query ({@code rpcutil get_data source=fstat query=/etc/hosts}). */
    private void getData(RpcRequest request, RpcReply reply) {
        String source = String.valueOf(request.require("source"));
        DataPlugin plugin = node.dataPlugins().get(source);
        if (plugin == null) {
            throw RpcException.aborted("No data plugin called " + source);
        }
        // Data::Base#lookup, as Ruby's rpcutil calls it: the DDL's input check and timeout, every declared output
        try {
            plugin.lookup(request.get("query").map(String::valueOf)).forEach(reply::put);
        } catch (DdlException e) {
            throw RpcException.invalidData(e.getMessage());
        }
    }

    private void inventory(RpcRequest request, RpcReply reply) {
        reply.put("agents", node.agentNames());
        reply.put("facts", node.facts());
        reply.put("version", Version.VERSION);
        reply.put("classes", node.classes());
        reply.put("main_collective", config.mainCollective());
        reply.put("collectives", List.copyOf(config.collectives()));
        reply.put(
                "data_plugins",
                node.dataPlugins().keySet().stream()
                        .map(n -> n + "_data")
                        .sorted()
                        .toList());
    }
}
