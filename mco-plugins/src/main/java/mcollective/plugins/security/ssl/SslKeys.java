package mcollective.plugins.security.ssl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;

import mcollective.McollectiveException;
import mcollective.plugins.security.KeyFiles;
import mcollective.spi.Role;

/**
 * The keys one process needs, read from the {@code plugin.ssl_*} settings as ssl.rb's {@code private_key_file},
 * {@code public_key_file} and {@code callerid} choose them. Every missing setting or unreadable file fails at start
 * with a one-line message naming the key and the file, where Ruby would fail on the first message.
 *
 * @param signing       the private key this process signs with (the server key on a node, the client key on a client)
 * @param serverPublic  the key a client verifies every reply with; empty on a node
 * @param clientCertDir the folder a node finds {@code <name>.pem} in for callerid {@code cert=<name>}; empty on a client
 * @param callerId      {@code cert=} and the basename of the public key file; empty on a node without
 *                      {@code plugin.ssl_server_public} (it only needs one to send requests itself)
 */
record SslKeys(
        PrivateKey signing, Optional<PublicKey> serverPublic, Optional<Path> clientCertDir, Optional<String> callerId) {

    static final String ENV_PRIVATE = "MCOLLECTIVE_SSL_PRIVATE";
    static final String ENV_PUBLIC = "MCOLLECTIVE_SSL_PUBLIC";

    /** Reads the keys for {@code role} from {@code plugin.*} settings (without the prefix) and the environment. */
    static SslKeys read(Role role, Map<String, String> settings, Map<String, String> env) {
        if (role == Role.NODE) {
            Path dir = Path.of(required(settings, "ssl_client_cert_dir"));
            if (!Files.isDirectory(dir)) {
                throw new McollectiveException("plugin.ssl_client_cert_dir = " + dir + ": no such directory");
            }
            Optional<String> serverPublic = Optional.ofNullable(settings.get("ssl_server_public"));
            return new SslKeys(
                    privateKey(env, settings, "ssl_server_private"),
                    Optional.empty(),
                    Optional.of(dir),
                    serverPublic.map(SslKeys::callerIdOf));
        }
        String clientPublic =
                Optional.ofNullable(env.get(ENV_PUBLIC)).orElseGet(() -> required(settings, "ssl_client_public"));
        return new SslKeys(
                privateKey(env, settings, "ssl_client_private"),
                Optional.of(publicKey("plugin.ssl_server_public", Path.of(required(settings, "ssl_server_public")))),
                Optional.empty(),
                Optional.of(callerIdOf(clientPublic)));
    }

    /** {@code cert=} plus the basename minus {@code .pem}, as ssl.rb's {@code callerid}. */
    static String callerIdOf(String publicKeyFile) {
        Path name = Path.of(publicKeyFile).getFileName();
        String id = "cert=" + (name == null ? "" : name.toString().replaceFirst("\\.pem$", ""));
        if (!id.matches("[\\w]+=[\\w.\\-]+")) {
            throw new McollectiveException("Invalid callerid '" + id + "' generated from public key " + publicKeyFile
                    + ": the file name may hold only letters, digits, '_', '.' and '-'");
        }
        return id;
    }

    private static PrivateKey privateKey(Map<String, String> env, Map<String, String> settings, String key) {
        String fromEnv = env.get(ENV_PRIVATE);
        String origin = fromEnv != null ? ENV_PRIVATE : "plugin." + key;
        Path file = Path.of(fromEnv != null ? fromEnv : required(settings, key));
        try {
            return KeyFiles.privateKey(file, null);
        } catch (McollectiveException e) {
            throw new McollectiveException(origin + " = " + e.getMessage(), e);
        }
    }

    static PublicKey publicKey(String origin, Path file) {
        try {
            return KeyFiles.publicKey(file);
        } catch (McollectiveException e) {
            throw new McollectiveException(origin + " = " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> settings, String key) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            throw new McollectiveException("No plugin." + key + " configuration option specified");
        }
        return value;
    }
}
