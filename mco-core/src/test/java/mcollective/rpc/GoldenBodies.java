package mcollective.rpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import mcollective.protocol.codec.RubyMarshal;
import mcollective.protocol.codec.RubySymbol;
import mcollective.testdata.Reference;

/** The SimpleRPC bodies inside the psk envelopes captured from Ruby MCollective 2.12.5 ({@code reference/frames}). */
final class GoldenBodies {
    private GoldenBodies() {}

    /** The Marshal bytes of the body of {@code frames/<name>.bin}, exactly as the Ruby peer wrote them. */
    static byte[] bytes(String name) {
        try {
            byte[] frame = Files.readAllBytes(Reference.path("frames/" + name + ".bin"));
            Map<?, ?> envelope = (Map<?, ?>) RubyMarshal.load(frame);
            return (byte[]) envelope.get(RubySymbol.of("body"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decoded body. */
    static Object body(String name) {
        return RubyMarshal.load(bytes(name));
    }
}
