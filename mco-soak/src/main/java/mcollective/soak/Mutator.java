package mcollective.soak;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import mcollective.protocol.codec.RubySymbol;
import mcollective.soak.Mutation.Kind;

/**
 * Makes mutated requests from {@link Seeds}. Deterministic: the same seed, seeds, clock and destinations give the
 * same sequence of mutations. Not thread-safe.
 */
public final class Mutator {
    private static final int BIG = 100 * 1024;
    private final Random random;
    private final Seeds seeds;
    private final List<String> destinations;
    private final long now;
    private final Set<Kind> without;
    private final int totalWeight;

    /**
     * @param seed         the random seed
     * @param seeds        where mutants start from
     * @param destinations broadcast and directed destinations to spread the mutants over
     * @param now          the node's clock in seconds, for {@code :msgtime}
     * @param without      kinds never to make
     */
    public Mutator(long seed, Seeds seeds, List<String> destinations, long now, Set<Kind> without) {
        this.without = EnumSet.noneOf(Kind.class);
        this.without.addAll(without);
        this.totalWeight = Arrays.stream(Kind.values())
                .filter(k -> !without.contains(k))
                .mapToInt(k -> k.weight)
                .sum();
        this.random = new Random(seed);
        this.seeds = seeds;
        this.destinations = List.copyOf(destinations);
        this.now = now;
    }

    /** The next mutation. */
    public Mutation next() {
        int pick = random.nextInt(totalWeight);
        Kind kind = Kind.VALID;
        for (Kind k : Kind.values()) {
            if (without.contains(k)) {
                continue;
            }
            if ((pick -= k.weight) < 0) {
                kind = k;
                break;
            }
        }
        String destination = destinations.get(random.nextInt(destinations.size()));
        return new Mutation(kind, destination, make(kind));
    }

    private byte[] make(Kind kind) {
        byte[] base = seed();
        return switch (kind) {
            case VALID -> base;
            case BIT_FLIP -> bitFlip(base);
            case BYTE_INSERT -> insert(base);
            case BYTE_DELETE -> delete(base);
            case TRUNCATE -> Arrays.copyOf(base, random.nextInt(base.length));
            case SPLICE -> splice(base, seed());
            case BIG_STRING -> withField(base, "senderid", "x".repeat(BIG));
            case HUGE_LENGTH -> hugeLength();
            case DEEP_NESTING -> deepNesting();
            case NESTED_FILTER -> nestedFilter(base);
            case CONTROL_CHARS ->
                withField(base, pick("senderid", "agent", "collective", "callerid"), "a\n\r\u0000\u001b:\u0007b");
            case FLOAT_TEXT -> floatText(base);
            case WRONG_TYPES -> wrongTypes(base);
            case EXPIRED -> withField(base, "msgtime", now - 3600 - random.nextInt(100000));
            case FUTURE -> withField(base, "msgtime", now + 3600 + random.nextInt(100000));
        };
    }

    private byte[] seed() {
        int count = seeds.golden().size();
        int index = random.nextInt(count);
        return random.nextBoolean() ? seeds.golden().get(index) : seeds.signed(index, now);
    }

    private String pick(String... names) {
        return names[random.nextInt(names.length)];
    }

    private byte[] bitFlip(byte[] base) {
        byte[] out = base.clone();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            int at = random.nextInt(out.length);
            out[at] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
    }

    private byte[] insert(byte[] base) {
        int at = random.nextInt(base.length + 1);
        byte[] extra = new byte[1 + random.nextInt(8)];
        random.nextBytes(extra);
        return concat(Arrays.copyOf(base, at), extra, Arrays.copyOfRange(base, at, base.length));
    }

    private byte[] delete(byte[] base) {
        int at = random.nextInt(base.length);
        int len = Math.min(base.length - at, 1 + random.nextInt(8));
        return concat(Arrays.copyOf(base, at), Arrays.copyOfRange(base, at + len, base.length));
    }

    private byte[] splice(byte[] a, byte[] b) {
        return concat(
                Arrays.copyOf(a, random.nextInt(a.length)), Arrays.copyOfRange(b, random.nextInt(b.length), b.length));
    }

    /** {:body => String} whose declared length is 2^31-1 (Marshal long with 4 bytes) but with few bytes behind. */
    private byte[] hugeLength() {
        byte[] head = {4, 8, '{', 6, ':', 9, 'b', 'o', 'd', 'y', '"', 4, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f};
        return concat(head, "short".getBytes(StandardCharsets.US_ASCII));
    }

    /** An array nested 20,000 to 100,000 deep. */
    private byte[] deepNesting() {
        int depth = 20000 + random.nextInt(80000);
        ByteArrayOutputStream out = new ByteArrayOutputStream(depth * 2 + 3);
        out.write(4);
        out.write(8);
        for (int i = 0; i < depth; i++) {
            out.write('[');
            out.write(6);
        }
        out.write('0');
        return out.toByteArray();
    }

    /** The compound filter attack, 3000 "(" then a statement then 3000 ")", on a validly hashed body. */
    private byte[] nestedFilter(byte[] base) {
        List<Object> compound = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            compound.add(Map.of("(", "("));
        }
        compound.add(Map.of("statement", "x=y"));
        for (int i = 0; i < 3000; i++) {
            compound.add(Map.of(")", ")"));
        }
        Map<Object, Object> env = Seeds.envelope(base);
        @SuppressWarnings("unchecked")
        Map<Object, Object> filter = new LinkedHashMap<>((Map<Object, Object>) env.get(RubySymbol.of("filter")));
        filter.put("compound", List.of(compound));
        env.put(RubySymbol.of("filter"), filter);
        env.put(RubySymbol.of("msgtime"), now);
        return seeds.sign(env);
    }

    /** :ttl as a Marshal float whose text carries control characters and newlines. */
    private byte[] floatText(byte[] base) {
        byte[] dumped = withField(base, "ttl", 1.5d);
        byte[] marker = {'f', 8, '1', '.', '5'};
        int at = indexOf(dumped, marker);
        if (at < 0) {
            return dumped;
        }
        String text = pick("1.5\n\u0000", "nan\r\n", "1e99999", "-inf\u001b", "1.5" + "9".repeat(300), "\n");
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] len = text.length() < 123
                ? new byte[] {(byte) (t.length + 5)}
                : new byte[] {2, (byte) t.length, (byte) (t.length >> 8)};
        return concat(
                Arrays.copyOf(dumped, at + 1), len, t, Arrays.copyOfRange(dumped, at + marker.length, dumped.length));
    }

    private byte[] wrongTypes(byte[] base) {
        String field = pick("filter", "ttl", "msgtime", "body", "agent", "collective");
        Object value = switch (random.nextInt(5)) {
            case 0 -> "a string";
            case 1 -> List.of(1, 2, 3);
            case 2 -> Map.of("fact", "not an array");
            case 3 -> Long.MAX_VALUE;
            default -> -1;
        };
        return withField(base, field, value);
    }

    private byte[] withField(byte[] base, String field, Object value) {
        Map<Object, Object> env = Seeds.envelope(base);
        env.put(RubySymbol.of(field), value);
        return seeds.sign(env);
    }

    private static int indexOf(byte[] data, byte[] marker) {
        outer:
        for (int i = 0; i + marker.length <= data.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (data[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
