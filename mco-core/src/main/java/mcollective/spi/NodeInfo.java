package mcollective.spi;

import java.util.List;
import java.util.Map;

/**
 * What a node offers its agents through {@link PluginContext#service(Class)}: its inventory and its statistics,
 * as {@code rpcutil} reports them. Thread-safe; every call reads current values.
 */
public interface NodeInfo extends NodeView {

    /** Names of the agents this node runs, sorted. */
    List<String> agentNames();

    /** The counters of {@code rpcutil#daemon_stats}, keyed by their Ruby names. */
    Map<String, Object> stats();

    /** The node's data plugins by name ({@code fstat}, ...), for {@code rpcutil get_data} and inventory. */
    Map<String, DataPlugin> dataPlugins();

    /** The node's agents by name, for {@code rpcutil agent_inventory}. */
    Map<String, Agent> agentsByName();
}
