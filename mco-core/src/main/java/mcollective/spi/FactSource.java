package mcollective.spi;

import java.util.Map;
import java.util.Optional;

/**
 * A source of node facts, selected by the {@code factsource} setting; the counterpart of Ruby's
 * {@code MCollective::Facts::Base} plugins (lib/mcollective/facts/*.rb). Facts are used for {@code -F}/{@code -S}
 * filters, {@code rpcutil#get_fact}, inventory and registration.
 *
 * <p>Threads: {@link #facts()} and {@link #fact(String)} are called concurrently from many worker threads and must
 * be thread-safe and cheap (implementations cache; see {@code mcollective.spi.support.AbstractFactSource}).
 * Neither method throws for a failing backend: it answers with the last facts it loaded successfully, or none.
 */
public interface FactSource extends Plugin {
    /**
     * @return the plugin name as written in the config file ({@code factsource = yaml} selects {@code "yaml"})
     */
    String name();

    /**
     * All facts, normalised as Ruby does: keys are Strings; values are Strings, or Lists and Maps (structured facts)
     * whose leaves are Strings ({@code 2} becomes {@code "2"}, {@code true} {@code "true"}, nil {@code ""}).
     *
     * @return an unmodifiable, deeply immutable map; never null, empty if no facts were ever loaded
     */
    Map<String, Object> facts();

    /**
     * @param name a top-level fact name; looked up flat ({@code "os.family"} is not {@code os → family}); never null
     * @return the fact's normalised value, or empty if there is no such fact
     */
    default Optional<Object> fact(String name) {
        return Optional.ofNullable(facts().get(name));
    }
}
