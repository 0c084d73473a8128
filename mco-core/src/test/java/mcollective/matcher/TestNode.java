package mcollective.matcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mcollective.spi.NodeView;

/** The node of reference/MCOLLECTIVE.md §5.4's verified table. */
record TestNode(String identity, Map<String, Object> facts, List<String> classes, List<String> agents)
        implements NodeView {

    static TestNode web1() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("country", "uk");
        facts.put("cpus", "4");
        facts.put("version", "2.10");
        facts.put("os", Map.of("family", "RedHat"));
        facts.put("list", List.of("one", "two"));
        return new TestNode(
                "web1.example.net",
                facts,
                List.of("apache", "profile::base", "role.web"),
                List.of("rpcutil", "discovery"));
    }

    TestNode withFact(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(facts);
        copy.put(name, value);
        return new TestNode(identity, copy, classes, agents);
    }
}
