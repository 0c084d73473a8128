package mcollective.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import mcollective.testdata.Reference;

/**
 * The frames captured from real Ruby MCollective, in {@code reference/frames} of the repository. Missing frames fail the
 * test loudly.
 */
final class GoldenFrames {
    private GoldenFrames() {}

    static Path directory() {
        return Reference.path("frames");
    }

    /** Every {@code .bin} that is a Marshal stream (psk, ssl, aes envelopes; not the STOMP frames). */
    static List<Path> marshalFrames() {
        try (Stream<Path> files = Files.list(directory())) {
            List<Path> frames = files.filter(p -> p.getFileName().toString().endsWith(".bin"))
                    .filter(p -> !p.getFileName().toString().startsWith("stomp"))
                    .sorted()
                    .toList();
            assertThat(frames).as("Marshal frames in %s", directory()).hasSizeGreaterThan(20);
            return frames;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(String name) {
        try {
            return Files.readAllBytes(directory().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
