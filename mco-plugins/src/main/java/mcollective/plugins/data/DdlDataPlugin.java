package mcollective.plugins.data;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import mcollective.McollectiveException;
import mcollective.ddl.ActionDdl;
import mcollective.ddl.Ddl;
import mcollective.ddl.DdlException;
import mcollective.ddl.DdlLoader;
import mcollective.ddl.DdlValidator;
import mcollective.spi.DataPlugin;
import mcollective.spi.PluginContext;

/**
 * Port of the DDL side of {@code lib/mcollective/data/base.rb}: a data plugin whose outputs, timeout and input check
 * come from {@code data/<name>_data.ddl}, found on the configured {@code libdir}s and then on the class path (where
 * the shipped DDLs are). Subclasses implement {@link #query}. Thread-safe after {@link #init}.
 */
public abstract class DdlDataPlugin implements DataPlugin {
    private static final String QUERY = "query";

    private volatile Ddl ddl;
    private volatile DdlValidator validator;

    /** Loads the DDL; a plugin without one does not start, as in Ruby ({@code Can't find DDL for data plugin x}). */
    @Override
    public void init(PluginContext context) {
        String file = name() + "_data";
        ddl = new DdlLoader(context.config().libdirs())
                .find("data", file)
                .orElseThrow(() -> new McollectiveException("Can't find DDL for data plugin '" + file + "'"));
        validator = DdlValidator.using(context);
    }

    @Override
    public List<String> outputs() {
        return query().map(q -> List.copyOf(q.outputs().keySet())).orElse(List.of());
    }

    /** @return the DDL's {@code :timeout}, 1 second when it gives none */
    @Override
    public Duration timeout() {
        Object timeout = ddl().metadata().get("timeout");
        return timeout instanceof Number n ? Duration.ofMillis((long) (n.doubleValue() * 1000)) : Duration.ofSeconds(1);
    }

    /**
     * {@code Data.ddl_validate}: no {@code dataquery} or no output is an error; an absent argument passes if the
     * input is optional; with no {@code input :query} declared, any argument is refused.
     */
    @Override
    public void validate(Optional<String> argument) {
        ActionDdl interfaces = query().orElseThrow(
                        () -> new DdlException("No dataquery has been defined in the DDL for data plugin " + name()));
        if (interfaces.outputs().isEmpty()) {
            throw new DdlException("No output has been defined in the DDL for data plugin " + name());
        }
        var input = interfaces.inputs().get(QUERY);
        if (input == null) {
            if (argument.isPresent()) {
                throw new McollectiveException(
                        "No data plugin argument was declared in the " + name() + " DDL but an input was supplied");
            }
            return;
        }
        if (argument.isEmpty() && input.optional()) {
            return;
        }
        Map<String, Object> arguments = new HashMap<>();
        argument.ifPresent(a -> arguments.put(QUERY, a));
        validator.validate(ddl(), QUERY, arguments);
    }

    private Optional<ActionDdl> query() {
        return ddl().action(QUERY);
    }

    private Ddl ddl() {
        Ddl loaded = ddl;
        if (loaded == null) {
            throw new IllegalStateException("data plugin " + name() + " used before init");
        }
        return loaded;
    }
}
