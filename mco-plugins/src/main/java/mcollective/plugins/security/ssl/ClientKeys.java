package mcollective.plugins.security.ssl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mcollective.McollectiveException;
import mcollective.SecurityValidationFailedException;

/**
 * A node's {@code plugin.ssl_client_cert_dir}: the public key (or certificate) of callerid {@code cert=NAME} is
 * {@code <dir>/NAME.pem}. Like Ruby, which reads the file for every request, a key added, replaced or removed takes
 * effect on the next request; a key is parsed again only when its file changed. Thread-safe.
 */
final class ClientKeys {
    // ssl.rb matches /cert=([\w\.\-]+)/ anywhere; anchored here, so no '/' and nothing before or after can slip
    // in: the name cannot leave the folder.
    private static final Pattern CALLER = Pattern.compile("cert=([\\w.\\-]+)");

    private record Cached(FileTime modified, long size, PublicKey key) {}

    private final Path dir;
    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

    ClientKeys(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** The key callerid {@code callerId} signs with; throws {@link SecurityValidationFailedException} if none. */
    PublicKey forCaller(String callerId) {
        Matcher m = CALLER.matcher(callerId);
        if (!m.matches()) {
            throw new SecurityValidationFailedException("Caller id is not in the expected format");
        }
        String name = m.group(1);
        Path file = dir.resolve(name + ".pem").normalize();
        BasicFileAttributes attributes;
        try {
            if (!file.getParent().equals(dir)) {
                throw new IOException("outside the folder");
            }
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            cache.remove(file);
            throw new SecurityValidationFailedException(
                    "Could not find a public key for " + name + " in " + dir + "/" + name + ".pem");
        }
        Cached cached = cache.get(file);
        if (cached != null
                && cached.modified().equals(attributes.lastModifiedTime())
                && cached.size() == attributes.size()) {
            return cached.key();
        }
        try {
            PublicKey key = SslKeys.publicKey("plugin.ssl_client_cert_dir", file);
            cache.put(file, new Cached(attributes.lastModifiedTime(), attributes.size(), key));
            return key;
        } catch (McollectiveException e) {
            throw new SecurityValidationFailedException(e.getMessage(), e);
        }
    }
}
