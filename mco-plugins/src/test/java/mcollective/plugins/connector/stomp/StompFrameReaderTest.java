package mcollective.plugins.connector.stomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StompFrameReaderTest {

    private static StompFrameReader reader(byte[] bytes, StompLimits limits) {
        return new StompFrameReader(new ByteArrayInputStream(bytes), limits);
    }

    private static StompFrameReader reader(String text) {
        return reader(text.getBytes(StandardCharsets.UTF_8), StompLimits.DEFAULTS);
    }

    @Nested
    class Bodies {
        @Test
        void shouldReadABinaryBodyContainingNulsByContentLength() throws IOException {
            byte[] body = {4, 8, 0, 0, 'I', 0, '"', 9};
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            wire.writeBytes("MESSAGE\ndestination:/queue/x\ncontent-length:8\n\n".getBytes(StandardCharsets.UTF_8));
            wire.writeBytes(body);
            wire.write(0);
            wire.writeBytes("\nRECEIPT\nreceipt-id:1\n\n\0".getBytes(StandardCharsets.UTF_8));
            StompFrameReader r = reader(wire.toByteArray(), StompLimits.DEFAULTS);
            StompFrame f = r.read();
            assertThat(f.command()).isEqualTo("MESSAGE");
            assertThat(f.body()).isEqualTo(body);
            assertThat(r.read().header("receipt-id")).contains("1");
        }

        @Test
        void shouldReadABodyWithoutContentLengthUpToTheNul() throws IOException {
            StompFrame f = reader("ERROR\nmessage:bad\n\nsome text\0").read();
            assertThat(f.bodyAsString()).isEqualTo("some text");
        }

        @Test
        void shouldRejectAContentLengthBodyNotFollowedByNul() {
            assertThatThrownBy(
                            () -> reader("MESSAGE\ncontent-length:2\n\nabc\0").read())
                    .isInstanceOf(StompException.class)
                    .hasMessageContaining("content-length 2");
        }

        @Test
        void shouldRejectAnInvalidContentLength() {
            assertThatThrownBy(() -> reader("MESSAGE\ncontent-length:x1\n\n\0").read())
                    .isInstanceOf(StompException.class)
                    .hasMessageContaining("'x1'");
        }

        @Test
        void shouldReportAnEndOfStreamInsideAFrame() {
            assertThatThrownBy(() -> reader("MESSAGE\ncontent-length:10\n\nabc").read())
                    .isInstanceOf(EOFException.class);
            assertThatThrownBy(() -> reader("").read()).isInstanceOf(EOFException.class);
        }
    }

    @Nested
    class LineEnds {
        @Test
        void shouldSkipLeadingHeartbeatsAndTolerateCrLf() throws IOException {
            StompFrame f = reader("\n\r\n\nMESSAGE\r\ndestination:/topic/a\r\ncontent-length:1\r\n\r\nz\0")
                    .read();
            assertThat(f.command()).isEqualTo("MESSAGE");
            assertThat(f.headers())
                    .containsExactly(Map.entry("destination", "/topic/a"), Map.entry("content-length", "1"));
            assertThat(f.bodyAsString()).isEqualTo("z");
        }

        @Test
        void shouldParseTheCapturedActiveMqConnectedFrames() throws IOException {
            StompFrame f = reader(Golden.frame("stomp11-CONNECTED-node"), StompLimits.DEFAULTS)
                    .read();
            assertThat(f.headers())
                    .containsEntry("version", "1.1")
                    .containsEntry("heart-beat", "29500,30500")
                    .containsEntry("session", "ID:vm-33365-1795584816622-3:39");
        }
    }

    @Nested
    class Headers {
        @Test
        void shouldUnescapeHeadersIn11() throws IOException {
            StompFrameReader r = reader("MESSAGE\nmessage-id:ID\\cvm-1\\c40\nx\\cy:a\\\\b\\nc\\rd\n\n\0");
            r.version(StompVersion.V1_1);
            assertThat(r.read().headers())
                    .containsExactly(Map.entry("message-id", "ID:vm-1:40"), Map.entry("x:y", "a\\b\nc\rd"));
        }

        @Test
        void shouldNotUnescapeIn10AndTrimInstead() throws IOException {
            assertThat(reader("MESSAGE\nmessage-id: ID\\cvm \n\n\0").read().headers())
                    .containsExactly(Map.entry("message-id", "ID\\cvm"));
        }

        @Test
        void shouldNotUnescapeTheConnectedFrame() throws IOException {
            StompFrameReader r = reader("CONNECTED\nsession:a\\cb\n\n\0");
            r.version(StompVersion.V1_1);
            assertThat(r.read().header("session")).contains("a\\cb");
        }

        @Test
        void shouldRejectAnUndefinedEscapeIn11() {
            StompFrameReader r = reader("MESSAGE\nk:a\\tb\n\n\0");
            r.version(StompVersion.V1_1);
            assertThatThrownBy(r::read).isInstanceOf(StompException.class).hasMessageContaining("\\t");
        }

        @Test
        void shouldKeepTheFirstOfRepeatedHeaders() throws IOException {
            assertThat(reader("MESSAGE\nk:first\nk:second\n\n\0").read().header("k"))
                    .contains("first");
        }

        @Test
        void shouldRejectAHeaderLineWithoutColon() {
            assertThatThrownBy(() -> reader("MESSAGE\nnocolon\n\n\0").read())
                    .isInstanceOf(StompException.class)
                    .hasMessageContaining("'nocolon'");
        }
    }

    @Nested
    class Limits {
        private final StompLimits small = new StompLimits(100, 3, 40);

        @Test
        void shouldRejectAContentLengthAboveTheMaximumFrameSizeWithoutReadingIt() {
            InputStream endless = new InputStream() {
                private final byte[] head = "MESSAGE\ncontent-length:2147483647\n\n".getBytes(StandardCharsets.UTF_8);
                private int pos;

                @Override
                public int read() {
                    return pos < head.length ? head[pos++] : 'x';
                }
            };
            assertThatThrownBy(() -> new StompFrameReader(endless, small).read())
                    .isInstanceOf(StompException.class)
                    .hasMessageContaining("maximum frame size of 100 bytes");
        }

        @Test
        void shouldRejectANulTerminatedBodyAboveTheMaximumFrameSize() {
            byte[] wire = ("MESSAGE\n\n" + "y".repeat(200) + "\0").getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> reader(wire, small).read())
                    .isInstanceOf(StompException.class)
                    .hasMessageContaining("maximum frame size");
        }

        @Test
        void shouldRejectTooManyHeaders() {
            byte[] wire = "MESSAGE\na:1\nb:2\nc:3\nd:4\n\n\0".getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> reader(wire, small).read())
                    .isInstanceOf(StompException.class)
                    .hasMessageContaining("more than 3 headers");
        }

        @Test
        void shouldRejectAnOverlongHeaderLine() {
            byte[] wire = ("MESSAGE\nk:" + "v".repeat(50) + "\n\n\0").getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> reader(wire, small).read())
                    .isInstanceOf(StompException.class)
                    .hasMessageContaining("longer than 40 bytes");
        }

        @Test
        void shouldNotCountHeartbeatsBetweenFramesAgainstTheFrameSize() throws IOException {
            byte[] wire = ("\n".repeat(500) + "MESSAGE\n\nok\0").getBytes(StandardCharsets.UTF_8);
            assertThat(reader(wire, small).read().bodyAsString()).isEqualTo("ok");
        }
    }
}
