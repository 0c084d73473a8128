package mcollective.spi;

import java.util.List;

/**
 * Finds plugins by type and MCollective name and makes initialised instances of them: what a plugin and its host see
 * of the plugin registry ({@link PluginContext#registry()}). An instance only ever comes out of here after its
 * {@link Plugin#init(PluginContext)} ran with its own section of the configuration, so no caller can forget the
 * second step or pass another plugin's settings. Implementations are thread-safe.
 */
public interface PluginLookup {

    /** The names of every plugin of this type, sorted. */
    List<String> names(Class<? extends Plugin> type);

    /** Whether a plugin of this type answers to {@code name}. */
    boolean has(Class<? extends Plugin> type, String name);

    /**
     * A new instance of the named plugin, initialised with {@code context.forPlugin(name)}. Throws
     * {@link mcollective.UnknownPluginException} listing the names that are available, e.g.
     * {@code No connector plugin 'stompx'; available: [activemq]}, and whatever {@code init} throws.
     */
    <T extends Plugin> T create(Class<T> type, String name, PluginContext context);

    /** A new instance of every plugin of this type, in name order, each initialised as {@link #create} does. */
    <T extends Plugin> List<T> createAll(Class<T> type, PluginContext context);
}
