package mcollective.testkit.fleet;

import java.util.List;

/**
 * Nodes written in code for {@link WithFleet#plan()}, for a set of nodes several fleets share or that is easier to
 * compute than to annotate: a class with a no-argument constructor.
 */
public interface NodePlan {
    /** The nodes, in the order they are to start. */
    List<NodeSpec> nodes();

    /** No nodes. */
    final class None implements NodePlan {
        @Override
        public List<NodeSpec> nodes() {
            return List.of();
        }
    }
}
