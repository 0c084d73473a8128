package mcollective.spi;

/**
 * What every plugin type shares. A plugin is one class implementing one SPI interface, listed on one line of
 * {@code META-INF/services/<interface>}; it has a public no-argument constructor and receives everything else
 * through {@link #init(PluginContext)}.
 *
 * <p>Port of the plugin model of {@code lib/mcollective/pluginmanager.rb}: the Ruby class name lower-cased becomes
 * {@link #name()}.
 */
public interface Plugin {

    /**
     * The MCollective name of this plugin exactly as config files and DDLs spell it ({@code "activemq"},
     * {@code "psk"}, {@code "yaml"}, {@code "rpcutil"}). Constant for the life of the instance; never null.
     */
    String name();

    /**
     * Called once, before any other method, on the thread that builds the node or client. May throw a
     * {@link mcollective.McollectiveException} naming the bad setting, which stops start-up.
     */
    default void init(PluginContext context) {}
}
