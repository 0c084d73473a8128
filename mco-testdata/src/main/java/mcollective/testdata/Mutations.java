package mcollective.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Mutated inputs for the fuzz properties, seeded from the golden frames in {@code reference/frames}: bit flips,
 * byte overwrites, truncation, splices of two seeds, a slice repeated many times (nesting), and huge Marshal lengths.
 * Shared by the fuzz properties of every module (docs/adr/004-fuzzing.md).
 */
public final class Mutations {
    private Mutations() {}

    /** The bodies ({@code NAME.bin}) or whole frames ({@code NAME.frame}) of the golden frames. */
    public static List<byte[]> seeds(String extension) {
        try (Stream<Path> files = Files.list(Reference.path("frames"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(extension))
                    .sorted()
                    .map(Mutations::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One seed, mutated once or a few times. */
    public static Arbitrary<byte[]> mutated(List<byte[]> seeds) {
        Arbitrary<byte[]> seed = Arbitraries.of(seeds);
        Arbitrary<byte[]> once = Combinators.combine(
                        seed,
                        seed,
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().greaterOrEqual(0),
                        Arbitraries.integers().greaterOrEqual(0),
                        Arbitraries.bytes())
                .as(Mutations::mutate);
        return once.flatMap(first -> Arbitraries.integers().between(0, 2).map(more -> {
            byte[] result = first;
            for (int i = 0; i < more; i++) {
                result = mutate(result, first, i, result.length * 31 + i, result.length + i * 7, (byte) i);
            }
            return result;
        }));
    }

    private static byte[] mutate(byte[] data, byte[] other, int kind, int a, int b, byte value) {
        if (data.length == 0) {
            return data;
        }
        int at = Math.floorMod(a, data.length);
        byte[] copy = data.clone();
        switch (kind) {
            case 0 -> copy[at] ^= (byte) (1 << Math.floorMod(b, 8));
            case 1 -> copy[at] = value;
            case 2 -> copy = Arrays.copyOf(data, at);
            case 3 -> {
                int from = Math.floorMod(b, Math.max(1, other.length));
                from = Math.min(from, other.length);
                byte[] tail = Arrays.copyOfRange(other, from, other.length);
                copy = Arrays.copyOf(data, at + tail.length);
                System.arraycopy(tail, 0, copy, at, tail.length);
            }
            case 4 -> copy = repeat(data, at, Math.min(data.length, at + 1 + Math.floorMod(b, 4)), 2_000);
            default -> copy = hugeLength(data, at);
        }
        return copy;
    }

    /** The slice {@code [from, to)} repeated {@code times} times in place: deep nesting out of a real structure. */
    private static byte[] repeat(byte[] data, int from, int to, int times) {
        int slice = to - from;
        byte[] out = new byte[data.length + slice * (times - 1)];
        System.arraycopy(data, 0, out, 0, from);
        for (int i = 0; i < times; i++) {
            System.arraycopy(data, from, out, from + i * slice, slice);
        }
        System.arraycopy(data, to, out, from + times * slice, data.length - to);
        return out;
    }

    /** A Marshal {@code r_long} of 2^31-1 written over the bytes at {@code at}: a length claiming 2 GB. */
    private static byte[] hugeLength(byte[] data, int at) {
        byte[] huge = {4, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f};
        byte[] copy = Arrays.copyOf(data, Math.max(data.length, at + huge.length));
        System.arraycopy(huge, 0, copy, at, huge.length);
        return copy;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
