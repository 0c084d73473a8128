package mcollective.spi;

import java.util.Map;
import java.util.Optional;

/**
 * Answers a data query on the node ({@code fstat}, {@code fact}, {@code agent}, {@code collective}), for compound
 * filters ({@code -S "fstat('/etc/hosts').size>0"}) and {@code rpcutil get_data}. Port of the contract of
 * {@code lib/mcollective/data/base.rb}: {@link #name()} is the name used in filters (Ruby's plugin file is
 * {@code <name>_data.rb}), and {@link #query} returns the outputs its DDL declares.
 *
 * <p>Called on worker threads, possibly concurrently; must be thread-safe and return quickly.
 */
public interface DataPlugin extends Plugin {

    /**
     * The outputs for one query, keyed by output name (values String, Long, Double or Boolean). Throws
     * {@link mcollective.McollectiveException} when the query cannot be answered.
     *
     * @param argument the query argument ({@code '/etc/hosts'}), empty when the call had none
     */
    Map<String, Object> query(Optional<String> argument);
}
