package mcollective.spi;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;
import mcollective.MsgTtlExpiredException;
import mcollective.logging.LogSafe;

/** {@link DataPlugin#lookup}: Data::Base#lookup with its timeout and Data::Result's type check. Thread-safe. */
final class DataLookup {
    private static final Logger LOG = LoggerFactory.getLogger(DataLookup.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService QUERIES = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "data-query-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private DataLookup() {}

    static Map<String, Object> lookup(DataPlugin plugin, Optional<String> argument) {
        plugin.validate(argument);
        LOG.debug("Doing data query {} for '{}'", plugin.name(), LogSafe.of(argument.orElse("")));
        Future<Map<String, Object>> answer = QUERIES.submit(() -> plugin.query(argument));
        Map<String, Object> outputs;
        try {
            outputs = answer.get(plugin.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            String message = "Data plugin " + plugin.name() + " timed out on query '" + argument.orElse("") + "'";
            LOG.error("{}", LogSafe.of(message));
            throw new MsgTtlExpiredException(message);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new McollectiveException("Interrupted during data query " + plugin.name(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new McollectiveException("Data plugin " + plugin.name() + " failed: " + e.getCause(), e.getCause());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        plugin.outputs().forEach(output -> result.put(output, null));
        outputs.forEach((key, value) -> {
            if (value != null
                    && !(value instanceof String
                            || value instanceof Integer
                            || value instanceof Long
                            || value instanceof BigInteger
                            || value instanceof Double
                            || value instanceof Boolean)) {
                throw new McollectiveException("Can only store String, Integer, Float or Boolean data but got "
                        + value.getClass().getSimpleName() + " for key " + key);
            }
            result.put(key, value);
        });
        return result;
    }
}
