package mcollective.spi.support;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.ruby.RubyValues;
import mcollective.spi.FactSource;

/**
 * Port of lib/mcollective/facts/base.rb: the caching and last-known-good logic shared by fact sources. A subclass
 * implements {@link #loadFacts()} and may override {@link #forceReload()}.
 *
 * <p>Facts are loaded on first use and again once more than {@code fact_cache_time} whole seconds have passed since
 * the last attempt, or when {@link #forceReload()} says so. A load that throws or returns no facts is logged as
 * {@code Failed to load facts: ...} and the last good facts are kept; the next attempt waits a full cache period, so
 * a broken source is not hammered. Thread-safe: {@link #facts()} may be called from many threads; loads are
 * serialised and readers wait while one runs, unless the source reloads {@link #refreshInBackground in the
 * background}.
 */
public abstract class AbstractFactSource implements FactSource {
    /** Ruby's default {@code fact_cache_time}. */
    public static final Duration DEFAULT_CACHE_TIME = Duration.ofSeconds(300);

    private static final Logger LOG = LoggerFactory.getLogger(AbstractFactSource.class);

    private final ReentrantLock lock = new ReentrantLock();
    private volatile Duration cacheTime;
    private volatile Clock clock;
    private Map<String, Object> facts = Map.of();
    private Map<String, Object> lastGoodFacts = Map.of();
    private long lastLoadEpochSecond = Long.MIN_VALUE;
    private volatile String backgroundThreadName;
    private final AtomicBoolean reloading = new AtomicBoolean();

    /** A source with the default cache time and the system clock. */
    protected AbstractFactSource() {
        this(DEFAULT_CACHE_TIME, Clock.systemUTC());
    }

    /**
     * @param cacheTime how long loaded facts are used before the next load ({@code fact_cache_time}); never null
     * @param clock     the time source, replaceable in tests; never null
     */
    protected AbstractFactSource(Duration cacheTime, Clock clock) {
        configureCache(cacheTime, clock);
    }

    /**
     * Changes the cache settings; call before the source is used by worker threads.
     *
     * @param cacheTime {@code fact_cache_time}, zero or more; never null
     * @param clock     the time source; never null
     */
    protected final void configureCache(Duration cacheTime, Clock clock) {
        Objects.requireNonNull(cacheTime, "cacheTime");
        if (cacheTime.isNegative()) {
            throw new IllegalArgumentException("fact_cache_time must not be negative: " + cacheTime);
        }
        this.cacheTime = cacheTime;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Loads facts from the backend, never concurrently with itself: with the source's lock held, or on the background
     * thread of {@link #refreshInBackground} without it.
     *
     * @return the raw facts: keys and scalars of any type (they are normalised with Ruby's {@code to_s}), nested Lists
     *         and Maps allowed, null values allowed; an empty map counts as a failure
     * @throws RuntimeException on failure; the last good facts are kept
     */
    protected abstract Map<?, ?> loadFacts();

    /**
     * Whether to reload now even though the cache has not expired (Ruby's {@code force_reload?}); the YAML source says
     * yes when a file changed. Called with the lock held on every {@link #facts()} call within the cache time, so it
     * must be cheap. A throw counts as a failed load.
     *
     * @return true to reload now; false by default
     */
    protected boolean forceReload() {
        return false;
    }

    /**
     * Reloads in the background instead of on the caller's thread once facts were loaded: a {@link #facts()} call
     * that finds the cache expired starts one reload on a daemon thread named {@code threadName} and answers the
     * current facts at once, so a slow backend (a Chef server that does not answer) never holds up a request. The
     * first load, with no facts yet, stays on the caller's thread. Call from {@code init}.
     */
    protected final void refreshInBackground(String threadName) {
        this.backgroundThreadName = Objects.requireNonNull(threadName, "threadName");
    }

    @Override
    public Map<String, Object> facts() {
        lock.lock();
        try {
            long now = clock.instant().getEpochSecond();
            boolean due;
            try {
                due = expired(now) || forceReload();
            } catch (RuntimeException e) {
                failed(e, now);
                return facts;
            }
            if (due && backgroundThreadName != null && !lastGoodFacts.isEmpty()) {
                lastLoadEpochSecond = now; // one reload a cache period, however many callers see it due
                if (reloading.compareAndSet(false, true)) {
                    Thread reload = new Thread(this::reloadInBackground, backgroundThreadName);
                    reload.setDaemon(true);
                    reload.start();
                }
            } else if (due) {
                try {
                    accept(loadFacts(), now);
                } catch (RuntimeException e) {
                    failed(e, now);
                }
            }
            return facts;
        } finally {
            lock.unlock();
        }
    }

    private void reloadInBackground() {
        try {
            Map<?, ?> loaded = loadFacts();
            lock.lock();
            try {
                accept(loaded, lastLoadEpochSecond);
            } finally {
                lock.unlock();
            }
        } catch (RuntimeException e) {
            lock.lock();
            try {
                failed(e, lastLoadEpochSecond);
            } finally {
                lock.unlock();
            }
        } finally {
            reloading.set(false);
        }
    }

    /** Makes a load's facts current; an empty load is a failure. Called with the lock held. */
    private void accept(Map<?, ?> loaded, long now) {
        if (loaded == null || loaded.isEmpty()) {
            throw new IllegalStateException("Got empty facts");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> normalized = (Map<String, Object>) normalize(loaded);
        facts = normalized;
        lastGoodFacts = normalized;
        lastLoadEpochSecond = now;
    }

    /**
     * {@code normalize_facts} of facts/base.rb: Lists stay lists, Maps get String keys, everything else becomes
     * {@code value.to_s}. The result is immutable.
     */
    private static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(RubyValues.toS(k), normalize(v)));
            return Collections.unmodifiableMap(result);
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            list.forEach(v -> result.add(normalize(v)));
            return Collections.unmodifiableList(result);
        }
        return RubyValues.toS(value);
    }

    /** A failed load: logged once, the last good facts kept, the next try a cache period away. Lock held. */
    private void failed(RuntimeException e, long now) {
        LOG.error("Failed to load facts: {}: {}", e.getClass().getSimpleName(), e.getMessage());
        LOG.debug("Fact load failure", e);
        lastLoadEpochSecond = now; // retry only after another cache period, as Ruby does
        facts = lastGoodFacts;
    }

    private boolean expired(long now) {
        // Ruby: Time.now.to_i - @last_facts_load > cache_time.to_i
        return lastLoadEpochSecond == Long.MIN_VALUE || now - lastLoadEpochSecond > cacheTime.toSeconds();
    }
}
