package mcollective.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RubyMarshalTest {

    /** Runs real Ruby: {@code Marshal.dump(<expr>)}; Ruby must be installed (bin/setup), the test fails otherwise. */
    static byte[] ruby(String expression) {
        try {
            Process process = new ProcessBuilder("ruby", "-e", "STDOUT.binmode; STDOUT.write Marshal.dump(" + expression + ")")
                    .redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("ruby failed: " + err).isZero();
            return out;
        } catch (IOException e) {
            throw new AssertionError("ruby is needed for this test (run bin/setup): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Nested
    class AgainstRuby {
        @ParameterizedTest
        @ValueSource(longs = {0, 1, 122, 123, 255, 256, 65535, 65536, -1, -123, -124, -256, -257, (1L << 30) - 1,
                1L << 30, -(1L << 30), -(1L << 30) - 1, 1L << 62, 1_795_583_759L, Long.MAX_VALUE, Long.MIN_VALUE})
        void shouldWriteIntegersAsRubyDoes(long value) {
            byte[] expected = ruby(Long.toString(value));
            assertThat(hex(RubyMarshal.dump(value))).isEqualTo(hex(expected));
            assertThat(RubyMarshal.load(expected)).isEqualTo(value);
        }

        @Test
        void shouldWriteBignumsBeyondALong() {
            BigInteger big = BigInteger.TWO.pow(64).add(BigInteger.valueOf(5));
            assertThat(hex(RubyMarshal.dump(big))).isEqualTo(hex(ruby("2**64+5")));
            assertThat(RubyMarshal.load(ruby("-(2**70)"))).isEqualTo(BigInteger.TWO.pow(70).negate());
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.0", "1.5", "0.1", "-2.25", "1.0e20", "1.0e-5", "0.001", "0.0001", "123456.789",
                "3.141592653589793", "1.0e16", "2.5e-05", "0.0", "-0.0"})
        void shouldWriteFloatsAsRubyDoes(String value) {
            double d = Double.parseDouble(value);
            assertThat(hex(RubyMarshal.dump(d))).isEqualTo(hex(ruby(value)));
            assertThat(RubyMarshal.load(ruby(value))).isEqualTo(d);
        }

        @Test
        void shouldLinkRepeatedFloatsLikeRuby() {
            assertThat(hex(RubyMarshal.dump(List.of(1.5, 1.5, 2.0)))).isEqualTo(hex(ruby("[1.5, 1.5, 2.0]")));
        }

        @Test
        void shouldWriteNestedDataAsRubyDoes() {
            Map<Object, Object> hash = new LinkedHashMap<>();
            hash.put(RubySymbol.of("agent"), "rpcutil");
            hash.put(RubySymbol.of("data"), Map.of(RubySymbol.of("process_results"), true));
            hash.put("facts", List.of("a", 1L, false, List.of()));
            hash.put(RubySymbol.of("empty"), Map.of());
            hash.put(RubySymbol.of("agent2"), null);
            hash.put("ünïcödé", "日本語");
            hash.put(RubySymbol.of("long"), "x".repeat(300));
            byte[] expected = ruby("{:agent=>'rpcutil', :data=>{:process_results=>true}, 'facts'=>['a', 1, false, []],"
                    + " :empty=>{}, :agent2=>nil, 'ünïcödé'=>'日本語', :long=>'x'*300}");
            assertThat(hex(RubyMarshal.dump(hash))).isEqualTo(hex(expected));
            assertThat(RubyMarshal.load(expected)).isEqualTo(hash);
        }

        @Test
        void shouldReadAndWriteEncodings() {
            byte[] expected = ruby("['a'.force_encoding('US-ASCII'), 'b'.b, 'c'.force_encoding('ISO-8859-1')]");
            Object preserved = RubyMarshal.load(expected, MarshalOptions.preserving());
            assertThat(hex(RubyMarshal.dump(preserved))).isEqualTo(hex(expected));
            List<?> plain = (List<?>) RubyMarshal.load(expected);
            assertThat(plain.get(0)).isEqualTo("a");
            assertThat(plain.get(1)).isEqualTo(new byte[] {'b'});
            assertThat(plain.get(2)).isEqualTo("c");
        }

        @Test
        void shouldResolveObjectLinksToTheSameValue() {
            byte[] expected = ruby("(s = 'shared'; [s, {'k' => s}, s])");
            List<?> list = (List<?>) RubyMarshal.load(expected);
            assertThat(list.get(0)).isEqualTo("shared");
            assertThat(list.get(2)).isSameAs(list.get(0));
            assertThat(((Map<?, ?>) list.get(1)).get("k")).isSameAs(list.get(0));
            // The same instance written twice is linked again, so the bytes match Ruby's.
            String s = new String("shared");
            Map<Object, Object> inner = new LinkedHashMap<>();
            inner.put("k", s);
            assertThat(hex(RubyMarshal.dump(Arrays.asList(s, inner, s)))).isEqualTo(hex(expected));
        }
    }

    @Nested
    class GoldenFrames {
        static Stream<Path> frames() throws IOException {
            Path dir = Path.of("").toAbsolutePath();
            while (!Files.isDirectory(dir.resolve("mco-core"))) {
                dir = dir.getParent();
            }
            Path frames = dir.resolveSibling("shared/reference/frames");
            assertThat(frames).as("golden frames beside the repository").isDirectory();
            return Files.list(frames).filter(p -> p.toString().endsWith(".bin") && !p.getFileName().toString()
                    .startsWith("stomp") && !p.getFileName().toString().startsWith("aes")).sorted();
        }

        @ParameterizedTest
        @MethodSource("frames")
        void shouldRoundTripEveryMarshalFrameByteForByte(Path frame) throws IOException {
            byte[] ruby = Files.readAllBytes(frame);
            Object decoded = RubyMarshal.load(ruby, MarshalOptions.preserving());
            assertThat(hex(RubyMarshal.dump(decoded))).isEqualTo(hex(ruby));
            Object body = ((Map<?, ?>) decoded).get(RubySymbol.of("body"));
            byte[] inner = ((RubyString) body).bytes();
            if (inner.length > 1 && inner[0] == 4) {
                assertThat(hex(RubyMarshal.dump(RubyMarshal.load(inner, MarshalOptions.preserving()))))
                        .isEqualTo(hex(inner));
            }
        }
    }

    @Nested
    class Refusals {
        @ParameterizedTest
        @ValueSource(strings = {"Object.new", "(S = Struct.new(:a); S.new(1))", "/re/", "String", "Kernel",
                "Hash.new(5).merge(1=>2)"})
        void shouldRefuseWhatIsNotData(String expression) {
            byte[] bytes = ruby(expression);
            assertThatThrownBy(() -> RubyMarshal.load(bytes)).isInstanceOf(MarshalException.class)
                    .hasMessageContaining("Refusing");
        }

        @Test
        void shouldRefuseATruncatedStream() {
            byte[] bytes = ruby("{:a=>'hello world'}");
            assertThatThrownBy(() -> RubyMarshal.load(Arrays.copyOf(bytes, bytes.length - 3)))
                    .isInstanceOf(MarshalException.class).hasMessageContaining("truncated");
        }

        @Test
        void shouldRefuseAHugeDeclaredLengthBeforeAllocating() {
            byte[] bytes = {4, 8, '[', 4, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f};
            assertThatThrownBy(() -> RubyMarshal.load(bytes)).isInstanceOf(MarshalException.class)
                    .hasMessageContaining("larger than");
            byte[] string = {4, 8, '"', 4, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f};
            assertThatThrownBy(() -> RubyMarshal.load(string)).isInstanceOf(MarshalException.class);
        }

        @Test
        void shouldRefuseNestingBeyondTheBound() {
            byte[] bytes = new byte[2 + 2 * 200 + 1];
            bytes[0] = 4;
            bytes[1] = 8;
            for (int i = 0; i < 200; i++) {
                bytes[2 + 2 * i] = '[';
                bytes[3 + 2 * i] = 6;
            }
            bytes[bytes.length - 1] = '0';
            assertThatThrownBy(() -> RubyMarshal.load(bytes)).isInstanceOf(MarshalException.class)
                    .hasMessageContaining("nested deeper");
        }

        @Test
        void shouldRefuseAWrongVersionAndTrailingBytes() {
            assertThatThrownBy(() -> RubyMarshal.load(new byte[] {4, 7, '0'})).hasMessageContaining("4.7");
            assertThatThrownBy(() -> RubyMarshal.load(new byte[] {4, 8, '0', '0'})).hasMessageContaining("unexpected");
            assertThatThrownBy(() -> RubyMarshal.load(new byte[] {4, 8, '@', 6})).hasMessageContaining("link");
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static List<Object> list(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }
}
