package mcollective.plugins.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import mcollective.McollectiveException;
import mcollective.plugins.connector.stomp.StompFrameReader;
import mcollective.plugins.connector.stomp.StompLimits;
import mcollective.testdata.Mutations;

/**
 * Fuzzing of the wire path in mco-plugins (docs/adr/004-fuzzing.md): mutated golden STOMP frames go through
 * {@link StompFrameReader}, mutated psk bodies through {@link PskSecurityProvider#decodeRequest} and
 * {@code decodeReply}. Each returns, or throws a {@link McollectiveException} (or, for the stream, an IOException at
 * its end): never an Error, never another RuntimeException.
 */
class WirePathFuzzTest {
    private static final List<byte[]> FRAMES = Mutations.seeds(".frame");
    private static final List<byte[]> PSK_BODIES = Mutations.seeds(".bin").stream()
            .filter(b -> b.length > 2 && b[0] == 4 && b[1] == 8)
            .toList();
    private static final PskSecurityProvider FLEET = PskSecurityProviderTest.FLEET;

    @Provide
    Arbitrary<byte[]> frames() {
        return Mutations.mutated(FRAMES);
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Mutations.mutated(PSK_BODIES);
    }

    @Property
    void aMutatedFrameIsReadOrRefused(@ForAll("frames") byte[] wire) {
        long start = System.nanoTime();
        StompFrameReader reader = new StompFrameReader(new ByteArrayInputStream(wire), StompLimits.DEFAULTS);
        try {
            for (int i = 0; i < 100; i++) {
                reader.read();
            }
        } catch (McollectiveException | IOException refused) {
            assertThat(refused).hasMessageNotContaining("\n");
        }
        assertFast(start);
    }

    @Property
    void aMutatedPskBodyIsDecodedOrRefused(@ForAll("bodies") byte[] body) {
        long start = System.nanoTime();
        for (int direction = 0; direction < 2; direction++) {
            try {
                Object decoded = direction == 0 ? FLEET.decodeRequest(body) : FLEET.decodeReply(body);
                assertThat(decoded).isNotNull();
            } catch (McollectiveException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        }
        assertFast(start);
    }

    private static void assertFast(long start) {
        assertThat((System.nanoTime() - start) / 1_000_000)
                .as("milliseconds for one input")
                .isLessThan(2_000);
    }
}
