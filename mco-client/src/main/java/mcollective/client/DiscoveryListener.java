package mcollective.client;

import java.time.Duration;
import java.util.List;

/**
 * Told when a discovery method runs, so a user interface can show progress ({@code mco}'s
 * {@code Discovering hosts using the mc method for 2 second(s) .... 3}). Not told when no method runs (the identity
 * shortcut, nodes given by the caller). Called on the discovering thread; the default methods do nothing.
 */
public interface DiscoveryListener {
    /** A listener that ignores everything. */
    DiscoveryListener NONE = new DiscoveryListener() {};

    /** Before the method runs, with its name and how long it may take (zero for the offline methods). */
    default void discovering(String method, Duration timeout) {}

    /** After it returned, with what it found, before any limit is applied. */
    default void discovered(String method, List<String> found) {}
}
