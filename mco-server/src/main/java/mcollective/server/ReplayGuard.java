package mcollective.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The request ids a node has accepted, each remembered until its TTL has passed ({@code msgtime + ttl}, the last
 * second at which the TTL check still lets a copy through), so that a second copy of an authentic request is
 * refused instead of run again ({@code replay_protection}; Ruby runs it twice, reference/PROTOCOL.md §9).
 *
 * <p>Memory is bounded: at most {@code capacity} ids (100,000 by default, about 20 MB). When that many are remembered
 * and none has expired, a new request is refused ({@link Verdict#FULL}) rather than an id forgotten early, so a
 * request is never run twice; the node accepts requests again as soon as the oldest ids expire. Ids longer than 64
 * characters (Ruby's are 32 hex digits) are remembered by their SHA-256, so a long id costs no more memory than a
 * short one. Thread-safe.
 */
final class ReplayGuard {
    /** How many request ids a node remembers by default. */
    static final int DEFAULT_CAPACITY = 100_000;

    private static final int LONGEST_KEPT = 64;

    /** What became of one request id. */
    enum Verdict {
        /** Not seen before: remembered now, the request goes on. */
        FIRST,
        /** Accepted before and not yet expired: a replay. */
        REPLAYED,
        /** Not seen before, but the memory is full of ids that have not expired. */
        FULL
    }

    private record Remembered(long expiry, String key) {}

    private final int capacity;
    private final Map<String, Long> expiries = new HashMap<>();
    private final PriorityQueue<Remembered> byExpiry =
            new PriorityQueue<>(Comparator.comparingLong(Remembered::expiry));

    ReplayGuard(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A replay guard needs room for at least one id, not " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Checks a request that passed security, callerid and TTL, and remembers its id when it is new.
     *
     * @param requestId the envelope's {@code :requestid}
     * @param msgtime   the envelope's {@code :msgtime}
     * @param ttl       the envelope's {@code :ttl}
     * @param now       the node's clock, epoch seconds
     */
    synchronized Verdict admit(String requestId, long msgtime, int ttl, long now) {
        forgetExpired(now);
        String key = key(requestId);
        if (expiries.containsKey(key)) {
            return Verdict.REPLAYED;
        }
        if (expiries.size() >= capacity) {
            return Verdict.FULL;
        }
        long expiry = saturatedAdd(msgtime, ttl);
        expiries.put(key, expiry);
        byExpiry.add(new Remembered(expiry, key));
        return Verdict.FIRST;
    }

    /** How many ids it remembers at most. */
    int capacity() {
        return capacity;
    }

    /** How many ids are remembered now, after forgetting those expired at {@code now}. */
    synchronized int size(long now) {
        forgetExpired(now);
        return expiries.size();
    }

    /** The TTL check refuses a copy once {@code now - msgtime > ttl}, so an id is needed up to {@code now == expiry}. */
    private void forgetExpired(long now) {
        while (!byExpiry.isEmpty() && byExpiry.peek().expiry() < now) {
            expiries.remove(byExpiry.poll().key());
        }
    }

    private static long saturatedAdd(long msgtime, int ttl) {
        long sum = msgtime + ttl;
        return ((msgtime ^ sum) & (ttl ^ sum)) < 0 ? (ttl < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
    }

    private static String key(String requestId) {
        if (requestId.length() <= LONGEST_KEPT) {
            return requestId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(requestId.getBytes(StandardCharsets.UTF_8));
            // 71 characters: no id kept as it is (at most 64) equals it
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
