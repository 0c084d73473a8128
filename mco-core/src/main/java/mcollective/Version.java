package mcollective;

/** The MCollective version this port is compatible with and reports to peers ({@code MCollective.version}). */
public final class Version {
    /** Reported in daemon_stats, inventory and {@code mco} banners, so Ruby tooling sees a 2.12.5 peer. */
    public static final String VERSION = "2.12.5";

    private Version() {}
}
