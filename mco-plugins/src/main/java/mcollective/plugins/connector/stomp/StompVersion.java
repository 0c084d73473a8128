package mcollective.plugins.connector.stomp;

import java.util.Optional;

/** The STOMP protocol versions this client can negotiate (ruby-stomp's {@code Stomp::SUPPORTED}). */
public enum StompVersion {
    /** STOMP 1.0: no header escaping, no heart-beats, no subscription ids. */
    V1_0("1.0"),
    /** STOMP 1.1: escaped headers, heart-beats, {@code id} on SUBSCRIBE/UNSUBSCRIBE. */
    V1_1("1.1"),
    /** STOMP 1.2: as 1.1, and {@code \r} is escaped too. */
    V1_2("1.2");

    private final String wire;

    StompVersion(String wire) {
        this.wire = wire;
    }

    /** The version as written in {@code accept-version} and {@code version} headers. */
    public String wire() {
        return wire;
    }

    /** Whether header values are escaped in this version (1.1 and later). */
    public boolean escapesHeaders() {
        return this != V1_0;
    }

    /** Parses a {@code version} header value; empty if it names no supported version. */
    public static Optional<StompVersion> parse(String value) {
        for (StompVersion v : values()) {
            if (v.wire.equals(value.trim())) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
