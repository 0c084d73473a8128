package mcollective.cli;

import mcollective.spi.Plugin;

/**
 * An {@code mco} application ({@code mco <name> ...}), found with ServiceLoader. Port of the contract of
 * {@code lib/mcollective/application.rb}: the class is a picocli {@code @Command} whose options, with the shared
 * {@link RpcOptions}, {@link CommonOptions} and {@link FilterOptions} mixins, are parsed into it before
 * {@link #main(AppContext)} runs. {@link #name()} is the word typed after {@code mco}.
 *
 * <p>One instance serves one invocation, on the main thread. The registry makes it before the options name the config
 * file, so {@link #init} sees the default settings; {@link #main(AppContext)} brings the parsed ones.
 */
public interface Application extends Plugin {

    /** The one-line description {@code mco help} lists. */
    String description();

    /** Extra usage lines printed above the options in help, e.g. {@code mco facts <fact>}; may be empty. */
    default java.util.List<String> usage() {
        return java.util.List.of();
    }

    /** The option sections this application prints and accepts, in help order. */
    default java.util.List<String> sections() {
        return java.util.List.of("Application Options", "RPC Options", "Common Options", "Host Filters");
    }

    /**
     * Runs the application after option parsing and returns the process exit code (MCollective's
     * {@code halt_code} where it applies). Throws {@link mcollective.McollectiveException} for a failure the user
     * should read as one line.
     */
    int main(AppContext context);
}
