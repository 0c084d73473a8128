package mcollective.plugins.connector.stomp;

import java.util.Objects;
import java.util.Optional;

/**
 * One broker of the failover pool ({@code plugin.activemq.pool.<n>.*}).
 *
 * @param host        host name or address; not null or empty
 * @param port        STOMP port, 1-65535
 * @param user        login; empty for none (then neither {@code login} nor {@code passcode} is sent)
 * @param password    passcode; not null
 * @param ssl         whether to use TLS
 * @param sslCa       comma-separated PEM CA files to verify the broker against ({@code ssl.ca})
 * @param sslCert     PEM client certificate ({@code ssl.cert})
 * @param sslKey      PEM private key, PKCS#8 or PKCS#1 RSA ({@code ssl.key})
 * @param sslFallback connect unverified (with a warning) when CA, certificate or key is missing or unusable
 */
public record StompHost(
        String host,
        int port,
        String user,
        String password,
        boolean ssl,
        Optional<String> sslCa,
        Optional<String> sslCert,
        Optional<String> sslKey,
        boolean sslFallback) {

    /** Validates the fields. */
    public StompHost {
        if (host == null || host.isBlank()) {
            throw new StompException("STOMP host must not be empty: '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new StompException("STOMP port of " + host + " out of range: " + port);
        }
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(sslCa, "sslCa");
        Objects.requireNonNull(sslCert, "sslCert");
        Objects.requireNonNull(sslKey, "sslKey");
    }

    /** A plain TCP broker. */
    public static StompHost plain(String host, int port, String user, String password) {
        return new StompHost(
                host, port, user, password, false, Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    /** This broker over TLS with the given files (each may be empty) and fallback flag. */
    public StompHost withSsl(Optional<String> ca, Optional<String> cert, Optional<String> key, boolean fallback) {
        return new StompHost(host, port, user, password, true, ca, cert, key, fallback);
    }

    /** The URL used in log lines, as the Ruby connector prints it: {@code stomp+ssl://user@host:port}. */
    public String url() {
        return (ssl ? "stomp+ssl" : "stomp") + "://" + user + "@" + host + ":" + port;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return url();
    }
}
