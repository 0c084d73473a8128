package mcollective.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StompFrameScannerTest {
    private static final FrameLimits LIMITS = new FrameLimits(1000, 5, 100, 300);

    private final StompFrameScanner scanner = new StompFrameScanner(LIMITS, () -> true);

    private Optional<String> scan(String text) {
        return scan(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private Optional<String> scan(byte[] bytes) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        Optional<String> result = scanner.scan(buf);
        assertThat(buf.readerIndex())
                .as("the scanner leaves the buffer for the decoder")
                .isZero();
        return result;
    }

    private static String frame(String command, String headers, String body) {
        return command + "\n" + headers + "\n" + body + "\0";
    }

    @Nested
    class Accepts {
        @Test
        void shouldAcceptAFrameWithAContentLengthAndNulBytesInItsBody() {
            assertThat(scan(frame("SEND", "destination:/queue/a\ncontent-length:3\n", "a\0b")))
                    .isEmpty();
        }

        @Test
        void shouldAcceptFramesSplitAtEveryByteAndHeartBeatsBetweenThem() {
            String stream = frame("CONNECT", "login:u\npasscode:p\n", "") + "\n\r\n\n"
                    + frame("SEND", "destination:/topic/x\n", "body") + "\n";
            for (char c : stream.toCharArray()) {
                assertThat(scan(String.valueOf(c))).isEmpty();
            }
            assertThat(scan(frame("SEND", "destination:/topic/x\n", "next"))).isEmpty();
        }

        @Test
        void shouldAcceptABodyOfExactlyTheLimit() {
            assertThat(scan(frame("SEND", "content-length:1000\n", "x".repeat(1000))))
                    .isEmpty();
            assertThat(scan(frame("SEND", "", "y".repeat(1000)))).isEmpty();
        }

        @Test
        void shouldAcceptALeadingSpaceInTheContentLength() {
            assertThat(scan(frame("SEND", "content-length: 2\n", "ab"))).isEmpty();
        }
    }

    @Nested
    class Refuses {
        @Test
        void shouldRefuseADeclaredBodyOverTheLimitBeforeTheBodyArrives() {
            assertThat(scan("SEND\ncontent-length:1001\n"))
                    .hasValueSatisfying(
                            why -> assertThat(why).contains("1001", "1000", "plugin.broker.max_frame_size"));
        }

        @Test
        void shouldRefuseAnUndeclaredBodyOnceItPassesTheLimit() {
            assertThat(scan("SEND\n\n" + "x".repeat(1000))).isEmpty();
            assertThat(scan("x")).hasValueSatisfying(why -> assertThat(why).contains("more than 1000"));
        }

        @Test
        void shouldRefuseTooManyHeaders() {
            assertThat(scan("SEND\na:1\nb:2\nc:3\nd:4\ne:5\nf:6\n"))
                    .hasValueSatisfying(
                            why -> assertThat(why).contains("more than 5 headers", "plugin.broker.max_headers"));
        }

        @Test
        void shouldRefuseAHeaderLineOverTheLimitWhileItIsStillArriving() {
            assertThat(scan("SEND\nselector:" + "x".repeat(100)))
                    .hasValueSatisfying(
                            why -> assertThat(why).contains("100 bytes", "plugin.broker.max_header_line_size"));
        }

        @Test
        void shouldRefuseHeadersOverTheirTotal() {
            String line = "h:" + "x".repeat(97) + "\n";
            assertThat(scan("SEND\n" + line + line + line))
                    .hasValueSatisfying(why -> assertThat(why).contains("300 bytes", "plugin.broker.max_header_size"));
        }

        @Test
        void shouldRefuseAnUnknownCommand() {
            assertThat(scan("GET / HTTP/1.0\n"))
                    .hasValueSatisfying(why -> assertThat(why).startsWith("not a STOMP command 'GET / HTTP"));
            assertThat(new StompFrameScanner(LIMITS, () -> true)
                            .scan(Unpooled.wrappedBuffer("HELLO\n".getBytes(StandardCharsets.US_ASCII))))
                    .hasValue("not a STOMP command 'HELLO'");
        }

        @Test
        void shouldRefuseACarriageReturnInTheHeaders() {
            assertThat(scan("SEND\r\n"))
                    .hasValueSatisfying(why -> assertThat(why).contains("carriage return"));
        }

        @Test
        void shouldRefuseAHeaderLineWithoutAColon() {
            assertThat(scan("SEND\n   \n")).hasValue("header line without a colon");
        }

        @Test
        void shouldRefuseTwoContentLengths() {
            assertThat(scan("SEND\ncontent-length:1\ncontent-length:500\n"))
                    .hasValue("frame has two content-length headers");
        }

        @Test
        void shouldRefuseAContentLengthThatIsNotANumber() {
            assertThat(scan("SEND\ncontent-length:-1\n")).hasValue("content-length is not a byte count");
        }

        @Test
        void shouldRefuseABodyNotEndingInNulWhereTheContentLengthSays() {
            assertThat(scan("SEND\ncontent-length:1\n\nab"))
                    .hasValueSatisfying(why -> assertThat(why).contains("not followed by NUL"));
        }

        @Test
        void shouldAllowOnlySmallBodiesBeforeTheLogin() {
            StompFrameScanner anonymous = new StompFrameScanner(LIMITS.withMaxBodyBytes(1 << 20), () -> false);

            Optional<String> why = anonymous.scan(
                    Unpooled.wrappedBuffer("CONNECT\ncontent-length:4097\n".getBytes(StandardCharsets.US_ASCII)));

            assertThat(why).hasValueSatisfying(text -> assertThat(text).contains("4096", "before CONNECT"));
        }
    }
}
