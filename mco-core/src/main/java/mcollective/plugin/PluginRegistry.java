package mcollective.plugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;
import mcollective.UnknownPluginException;
import mcollective.spi.Plugin;
import mcollective.spi.PluginContext;
import mcollective.spi.PluginLookup;

/**
 * Knows which plugins exist for each SPI and makes fresh, initialised instances of them by their MCollective name
 * ({@link PluginLookup}: every instance has had its {@link Plugin#init} with its own settings). Port of
 * {@code lib/mcollective/pluginmanager.rb}, as an object that is passed around rather than a global, so one JVM
 * can host many nodes and tests can register fakes.
 *
 * <p>Plugins come from {@link ServiceLoader} (unless {@link Builder#autoDiscover(boolean)} is off) and from
 * {@link Builder#add}. A provider that fails to load is logged and skipped; two plugins of one type with the same
 * name are an error. Thread-safe.
 */
public final class PluginRegistry implements PluginLookup {
    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

    private final boolean autoDiscover;
    private final ClassLoader loader;
    private final Map<Class<?>, Map<String, Supplier<? extends Plugin>>> explicit;
    private final Map<Class<?>, Map<String, Supplier<? extends Plugin>>> byType = new ConcurrentHashMap<>();

    private PluginRegistry(Builder builder) {
        this.autoDiscover = builder.autoDiscover;
        this.loader = builder.loader;
        this.explicit = Map.copyOf(builder.explicit);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A registry that finds every plugin on the class path. */
    public static PluginRegistry discover() {
        return builder().build();
    }

    @Override
    public List<String> names(Class<? extends Plugin> spi) {
        return List.copyOf(suppliers(spi).keySet());
    }

    @Override
    public boolean has(Class<? extends Plugin> spi, String name) {
        return suppliers(spi).containsKey(name);
    }

    @Override
    public <T extends Plugin> T create(Class<T> spi, String name, PluginContext context) {
        return initialised(instance(spi, name), context);
    }

    @Override
    public <T extends Plugin> List<T> createAll(Class<T> spi, PluginContext context) {
        return createAll(spi, context, plugin -> true);
    }

    /**
     * A new instance of every plugin of this type that {@code keep} accepts, in name order, each initialised as
     * {@link #create} does; {@code keep} sees the instances before their {@code init}, which the others never get.
     */
    public <T extends Plugin> List<T> createAll(Class<T> spi, PluginContext context, Predicate<? super T> keep) {
        List<T> all = new ArrayList<>();
        for (String name : names(spi)) {
            T plugin = instance(spi, name);
            if (keep.test(plugin)) {
                all.add(initialised(plugin, context));
            }
        }
        return all;
    }

    private <T extends Plugin> T instance(Class<T> spi, String name) {
        Supplier<? extends Plugin> supplier = suppliers(spi).get(name);
        if (supplier == null) {
            throw new UnknownPluginException(
                    String.format("No %s plugin '%s'; available: %s", typeName(spi), name, names(spi)));
        }
        return spi.cast(supplier.get());
    }

    private static <T extends Plugin> T initialised(T plugin, PluginContext context) {
        plugin.init(context.forPlugin(plugin.name()));
        return plugin;
    }

    /** The MCollective word for a plugin type, as used in messages: {@code SecurityProvider} → {@code security}. */
    public static String typeName(Class<?> spi) {
        String simple = spi.getSimpleName();
        for (String suffix : List.of("Provider", "Plugin", "Method")) {
            if (simple.endsWith(suffix) && simple.length() > suffix.length()) {
                simple = simple.substring(0, simple.length() - suffix.length());
            }
        }
        return simple.toLowerCase(Locale.ROOT);
    }

    private Map<String, Supplier<? extends Plugin>> suppliers(Class<? extends Plugin> spi) {
        return byType.computeIfAbsent(spi, this::load);
    }

    private Map<String, Supplier<? extends Plugin>> load(Class<?> spi) {
        Map<String, Supplier<? extends Plugin>> found = new TreeMap<>();
        if (autoDiscover) {
            @SuppressWarnings("unchecked")
            ServiceLoader<? extends Plugin> services = ServiceLoader.load((Class<? extends Plugin>) spi, loader);
            for (ServiceLoader.Provider<? extends Plugin> provider : iterate(services, spi)) {
                Optional<Plugin> probe =
                        instantiate(provider::get, provider.type().getName());
                probe.ifPresent(p -> put(found, spi, p.name(), () -> provider.get()));
            }
        }
        explicit.getOrDefault(spi, Map.of()).forEach((name, supplier) -> put(found, spi, name, supplier));
        return found;
    }

    private static List<ServiceLoader.Provider<? extends Plugin>> iterate(
            ServiceLoader<? extends Plugin> services, Class<?> spi) {
        List<ServiceLoader.Provider<? extends Plugin>> providers = new ArrayList<>();
        try {
            services.stream().forEach(providers::add);
        } catch (ServiceConfigurationError e) {
            LOG.error("Could not list {} plugins: {}", typeName(spi), e.getMessage());
        }
        return providers;
    }

    private static Optional<Plugin> instantiate(Supplier<? extends Plugin> supplier, String what) {
        try {
            return Optional.of(supplier.get());
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            LOG.error("Skipping plugin {}: it failed to load: {}", what, e.toString());
            return Optional.empty();
        }
    }

    private static void put(
            Map<String, Supplier<? extends Plugin>> found,
            Class<?> spi,
            String name,
            Supplier<? extends Plugin> supplier) {
        if (found.putIfAbsent(name, supplier) != null) {
            throw new McollectiveException(String.format("Two %s plugins are named '%s'", typeName(spi), name));
        }
    }

    /** Builds a {@link PluginRegistry}. */
    public static final class Builder {
        private boolean autoDiscover = true;
        private ClassLoader loader = Thread.currentThread().getContextClassLoader();
        private final Map<Class<?>, Map<String, Supplier<? extends Plugin>>> explicit = new LinkedHashMap<>();

        private Builder() {}

        /** Whether to find plugins with {@link ServiceLoader}; on by default, off in unit tests with fakes. */
        public Builder autoDiscover(boolean on) {
            this.autoDiscover = on;
            return this;
        }

        public Builder classLoader(ClassLoader classLoader) {
            this.loader = classLoader;
            return this;
        }

        /** Adds a plugin; {@code factory} is called for every instance asked for. */
        public <T extends Plugin> Builder add(Class<T> spi, Supplier<? extends T> factory) {
            String name = factory.get().name();
            Map<String, Supplier<? extends Plugin>> named = explicit.computeIfAbsent(spi, k -> new LinkedHashMap<>());
            put(named, spi, name, factory);
            return this;
        }

        public PluginRegistry build() {
            return new PluginRegistry(this);
        }
    }
}
