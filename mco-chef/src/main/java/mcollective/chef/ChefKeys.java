package mcollective.chef;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import mcollective.McollectiveException;
import mcollective.SecurityValidationFailedException;
import mcollective.plugins.security.KeyFiles;

/**
 * The public keys the Chef server holds for its clients and users, fetched with the process's own Chef client and
 * kept for {@code plugin.chef.key_cache_ttl} seconds, so that deleting a client on the server revokes it once its
 * entry expires. A name the server does not know is remembered as unknown for at most {@link #UNKNOWN_TTL}, so a
 * newly created client is let in soon and a flood of made-up names costs one lookup per name and period. A server
 * that cannot be reached refuses the message and caches nothing. Thread-safe.
 */
final class ChefKeys {
    /** The longest an unknown name is remembered. */
    static final Duration UNKNOWN_TTL = Duration.ofSeconds(10);

    /** A Chef client or user name, as the server allows it (and so safe in a URL path). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private static final int CACHE_LIMIT = 4096;

    private record Entry(Optional<PublicKey> key, Instant until) {}

    private final ChefApi api;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    ChefKeys(ChefApi api, Duration ttl, Clock clock) {
        this.api = api;
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * The key of {@code name}, looked up as {@code kinds} in order ({@code clients}, {@code users}).
     *
     * @throws SecurityValidationFailedException when the server knows no such client or user, or cannot be asked
     */
    PublicKey key(String name, List<String> kinds, String who) {
        if (!NAME.matcher(name).matches()) {
            throw new SecurityValidationFailedException(who + " is not a Chef client or user name");
        }
        String cacheKey = String.join(",", kinds) + "/" + name;
        Instant now = clock.instant();
        Entry entry = cache.get(cacheKey);
        if (entry == null || !now.isBefore(entry.until())) {
            Optional<PublicKey> key = fetch(name, kinds, who);
            Duration keep = key.isPresent() ? ttl : (ttl.compareTo(UNKNOWN_TTL) < 0 ? ttl : UNKNOWN_TTL);
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            entry = new Entry(key, now.plus(keep));
            cache.put(cacheKey, entry);
        }
        return entry.key()
                .orElseThrow(() -> new SecurityValidationFailedException(who + " is not a " + String.join(" or ", kinds)
                        + " entry of the Chef server " + api.knife().serverUrl()));
    }

    private Optional<PublicKey> fetch(String name, List<String> kinds, String who) {
        for (String kind : kinds) {
            String path = "/" + kind + "/" + name;
            try {
                Optional<String> pem = publicKey(api.get(path));
                if (pem.isEmpty()) {
                    // Chef 12+ keeps keys apart: /clients/NAME/keys/default
                    pem = publicKey(api.get(path + "/keys/default"));
                }
                String origin = "the Chef server's key of " + path;
                return Optional.of(
                        KeyFiles.publicKey(pem.orElseThrow(() -> new McollectiveException(origin + ": none")), origin));
            } catch (ChefApi.ChefServerException e) {
                if (e.status() != 404) {
                    throw refused(who, e);
                }
            } catch (McollectiveException e) {
                throw refused(who, e);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> publicKey(Map<?, ?> document) {
        return document.get("public_key") instanceof String pem && !pem.isBlank() ? Optional.of(pem) : Optional.empty();
    }

    private static SecurityValidationFailedException refused(String who, McollectiveException e) {
        return new SecurityValidationFailedException("Cannot fetch the Chef key of " + who + ": " + e.getMessage(), e);
    }
}
