package mcollective.plugins.connector.stomp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Frames captured between the real Ruby peers and ActiveMQ (copied from reference/frames into the test resources).
 * A missing file fails the test.
 */
final class Golden {
    private Golden() {}

    static byte[] frame(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("frames/" + name + ".frame")) {
            if (in == null) {
                throw new AssertionError("golden frame " + name + " is missing from the test resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
