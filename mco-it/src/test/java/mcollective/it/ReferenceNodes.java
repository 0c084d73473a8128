package mcollective.it;

import java.util.List;

import mcollective.testkit.fleet.NodeKind;
import mcollective.testkit.fleet.NodePlan;
import mcollective.testkit.fleet.NodeSpec;

/**
 * The nodes of the reference fleet: two platforms, two environments, web and database roles; node3 and node4 are
 * also in {@code eu_collective}. The same nodes run as Java or as Ruby nodes.
 */
final class ReferenceNodes {
    private ReferenceNodes() {}

    /** Reference node {@code number} (1 to 4), run by {@code kind}. */
    static NodeSpec node(int number, NodeKind kind) {
        NodeSpec node = NodeSpec.of(kind, "node" + number + ".example.net").classes("role.base");
        return switch (number) {
            case 1 ->
                node.fact("platform", "centos").fact("chef_environment", "prod").classes("role.database");
            case 2 ->
                node.fact("platform", "ubuntu").fact("chef_environment", "dev").classes("role.web");
            case 3 ->
                node.fact("platform", "centos")
                        .fact("chef_environment", "dev")
                        .classes("role.database")
                        .collectives("mcollective", "eu_collective");
            case 4 ->
                node.fact("platform", "centos")
                        .fact("chef_environment", "prod")
                        .classes("role.database")
                        .collectives("mcollective", "eu_collective");
            default -> throw new IllegalArgumentException("No reference node " + number);
        };
    }

    /** node1 to node3, Java nodes in the test JVM. */
    static final class ThreeJava implements NodePlan {
        @Override
        public List<NodeSpec> nodes() {
            return List.of(node(1, NodeKind.JAVA), node(2, NodeKind.JAVA), node(3, NodeKind.JAVA));
        }
    }

    /** node1 and node3 Java nodes in the test JVM, node2 and node4 Ruby nodes. */
    static final class Mixed implements NodePlan {
        @Override
        public List<NodeSpec> nodes() {
            return List.of(
                    node(1, NodeKind.JAVA), node(2, NodeKind.RUBY), node(3, NodeKind.JAVA), node(4, NodeKind.RUBY));
        }
    }
}
