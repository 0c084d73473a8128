package mcollective.spi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers a data query on the node ({@code fstat}, {@code fact}, {@code agent}, {@code collective}), for compound
 * filters ({@code -S "fstat('/etc/hosts').size>0"}) and {@code rpcutil get_data}. Port of the contract of
 * {@code lib/mcollective/data/base.rb}: {@link #name()} is the name used in filters (Ruby's plugin file is
 * {@code <name>_data.rb}), {@link #query} computes the outputs, and what its DDL declares ({@link #outputs()},
 * {@link #timeout()}, the input check {@link #validate}) shapes the answer of {@link #lookup}, which is what callers
 * use.
 *
 * <p>Called on worker threads, possibly concurrently; must be thread-safe.
 */
public interface DataPlugin extends Plugin {

    /**
     * Computes the outputs for one query, keyed by output name (values String, Integer, Long, Double or Boolean). An
     * output left out is nil, as in Ruby's {@code Data::Result}. Throws {@link mcollective.McollectiveException}
     * when the query cannot be answered (Ruby's {@code raise} in a {@code query} block). Callers go through
     * {@link #lookup}.
     *
     * @param argument the query argument ({@code '/etc/hosts'}), empty when the call had none
     * @return the outputs; never null
     */
    Map<String, Object> query(Optional<String> argument);

    /** @return the outputs the DDL declares, in declaration order; empty when unknown */
    default List<String> outputs() {
        return List.of();
    }

    /** @return the DDL's {@code :timeout} for one query; 1 second when it gives none, as in data/base.rb */
    default Duration timeout() {
        return Duration.ofSeconds(1);
    }

    /**
     * Checks the argument against the DDL's {@code input :query} (Ruby's {@code Data.ddl_validate}).
     *
     * @param argument the query argument, empty when the call had none
     * @throws mcollective.ddl.DdlException if the DDL refuses it (Ruby's DDLValidationError)
     */
    default void validate(Optional<String> argument) {}

    /**
     * Port of {@code Data::Base#lookup}: validates the argument, runs {@link #query} within {@link #timeout()}, and
     * answers every declared output (null where the query set none) followed by any other output it set.
     *
     * @param argument the query argument, empty when the call had none
     * @return the outputs, insertion-ordered; values may be null
     * @throws mcollective.ddl.DdlException                if the argument is refused (DDLValidationError)
     * @throws mcollective.MsgTtlExpiredException          {@code Data plugin X timed out on query 'y'}
     * @throws mcollective.McollectiveException            if the query fails or sets a value of another type
     */
    default Map<String, Object> lookup(Optional<String> argument) {
        return DataLookup.lookup(this, argument);
    }
}
