package mcollective.spi;

import java.util.List;
import java.util.Map;

/**
 * The local node as a request's filter sees it: identity, facts, classes and agents. The matcher
 * ({@code mcollective.matcher}) tests filters against it; {@link NodeInfo} adds what agents need. Implementations must
 * be thread-safe: requests are matched on many worker threads at once. Methods never return null.
 */
public interface NodeView {
    /** @return the configured {@code identity} */
    String identity();

    /**
     * @return the facts, normalised as Ruby does (String values, or Lists and Maps of them); keys are looked up flat
     */
    Map<String, Object> facts();

    /** @return the lines of the {@code classesfile}, in file order; empty if there is none */
    List<String> classes();

    /** @return the names of the loaded agents */
    List<String> agents();
}
