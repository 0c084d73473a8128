package mcollective.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import mcollective.McollectiveException;

/** What the codec will not read or write, and that it says so without running code or running out of memory. */
class RubyMarshalRefusalTest {

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Nested
    class TypesThatAreNotData {
        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "Object.new                                   | o | objects are not data",
                    "(S = Struct.new(:a); S.new(1))               | S | Structs are not data",
                    "String                                       | c | classes are not data",
                    "Kernel                                       | m | modules are not data",
                    "Hash.new(5).merge(1=>2)                      | } | Hashes with a default value",
                    "(class U; def _dump(l) = 'x'; def self._load(s) = new; end; U.new) | u | user-defined types",
                    "(class M; def marshal_dump = 1; def marshal_load(x) = nil; end; M.new) | U | user-defined types",
                    "Object.new.extend(Comparable)                | e | extended objects",
                    "(class Sub < String; end; Sub.new('x'))      | C | subclasses",
                    "[1, Object.new]                              | o | objects are not data",
                })
        void shouldRefuseWithTheTypeByteAndOffset(String ruby, char type, String why) {
            byte[] stream = Ruby.dump(ruby);
            assertThatThrownBy(() -> RubyMarshal.load(stream))
                    .isInstanceOf(MarshalException.class)
                    .isInstanceOf(McollectiveException.class)
                    .hasMessageContaining("Refusing Marshal type '" + type + "'")
                    .hasMessageContaining("at offset")
                    .hasMessageContaining(why);
        }

        @ParameterizedTest(name = "type {0}")
        @CsvSource({"o", "c", "m", "M", "u", "U", "S", "e", "d", "C", "}", "Z"})
        void shouldRefuseEveryTypeByteThatIsNotDataWithoutReadingFurther(char type) {
            // The bytes after the type byte would name a class; the reader must stop before looking at them.
            byte[] stream = bytes(4, 8, '[', 7, 'i', 6, type, ':', 8, 'F', 'i', 'l', 'e');
            assertThatThrownBy(() -> RubyMarshal.load(stream))
                    .isInstanceOf(MarshalException.class)
                    .hasMessageStartingWith(
                            String.format("Refusing Marshal type '%s' (0x%02x) at offset 6", type, (int) type));
        }

        @Test
        void shouldNameTheOffsetOfTheRefusedObject() {
            byte[] stream = Ruby.dump("[1, Object.new]");
            assertThatThrownBy(() -> RubyMarshal.load(stream)).hasMessageContaining("'o' (0x6f) at offset 6");
        }

        @Test
        void shouldRefuseInstanceVariablesOtherThanTheEncoding() {
            byte[] stream = Ruby.dump("(s = 'x'; s.instance_variable_set(:@evil, 1); s)");
            assertThatThrownBy(() -> RubyMarshal.load(stream))
                    .isInstanceOf(MarshalException.class)
                    .hasMessageContaining("Refusing instance variable :@evil on a String");
            byte[] array = bytes(4, 8, 'I', '[', 0, 0);
            assertThatThrownBy(() -> RubyMarshal.load(array))
                    .hasMessageContaining("instance variables on Marshal type '['");
        }

        @Test
        void shouldRefuseToWriteJavaTypesWithNoRubyDataCounterpart() {
            assertThatThrownBy(() -> RubyMarshal.dump(List.of(Optional.empty())))
                    .isInstanceOf(MarshalException.class)
                    .hasMessageContaining("java.util.Optional");
            assertThatThrownBy(() -> RubyMarshal.dump(new Object())).isInstanceOf(MarshalException.class);
        }
    }

    @Nested
    class MalformedStreams {
        @Test
        void shouldRefuseAWrongVersionHeader() {
            assertThatThrownBy(() -> RubyMarshal.load(bytes(4, 7, '0')))
                    .isInstanceOf(MarshalException.class)
                    .hasMessageContaining("version 4.7 (expected 4.8)");
            assertThatThrownBy(() -> RubyMarshal.load(bytes('{', 6))).hasMessageContaining("expected 4.8");
            assertThatThrownBy(() -> RubyMarshal.load(new byte[0])).hasMessageContaining("too short");
        }

        @Test
        void shouldRefuseEveryTruncationOfARealMessage() {
            byte[] whole = GoldenFrames.read("psk-request-rpcutil-ping.bin");
            for (int length = 0; length < whole.length; length++) {
                byte[] cut = Arrays.copyOf(whole, length);
                assertThatThrownBy(() -> RubyMarshal.load(cut))
                        .as("cut at %d", length)
                        .isInstanceOf(MarshalException.class);
            }
            assertThatThrownBy(() -> RubyMarshal.load(Arrays.copyOf(whole, 300)))
                    .hasMessageContaining("truncated");
        }

        @Test
        void shouldRefuseTrailingBytes() {
            assertThatThrownBy(() -> RubyMarshal.load(bytes(4, 8, '0', '0')))
                    .hasMessageContaining("1 unexpected bytes after the Marshal data at offset 3");
        }

        @Test
        void shouldRefuseAHugeDeclaredLengthBeforeAllocating() {
            int[][] streams = {
                {4, 8, '[', 4, 0xff, 0xff, 0xff, 0x7f},
                {4, 8, '{', 4, 0xff, 0xff, 0xff, 0x3f},
                {4, 8, '"', 4, 0xff, 0xff, 0xff, 0x7f},
                {4, 8, ':', 4, 0xff, 0xff, 0xff, 0x7f},
                {4, 8, 'l', '+', 4, 0xff, 0xff, 0xff, 0x7f},
                {4, 8, 'I', '"', 0, 4, 0xff, 0xff, 0xff, 0x7f},
            };
            for (int[] stream : streams) {
                assertThatThrownBy(() -> RubyMarshal.load(bytes(stream)))
                        .isInstanceOf(MarshalException.class)
                        .hasMessageContaining("larger than the");
            }
            assertThatThrownBy(() -> RubyMarshal.load(bytes(4, 8, '[', 0xfc, 0, 0, 0, 0x80)))
                    .hasMessageContaining("Bad length -2147483648");
        }

        /** {@code levels} Arrays, each holding the next, the innermost holding nil. */
        static byte[] nestedArrays(int levels) {
            byte[] stream = new byte[2 + 2 * levels + 1];
            stream[0] = 4;
            stream[1] = 8;
            for (int i = 0; i < levels; i++) {
                stream[2 + 2 * i] = '[';
                stream[3 + 2 * i] = 6;
            }
            stream[stream.length - 1] = '0';
            return stream;
        }

        @Test
        void shouldRefuseNestingBeyondTheBound() {
            assertThat(RubyMarshal.load(nestedArrays(64))).isInstanceOf(List.class);
            assertThatThrownBy(() -> RubyMarshal.load(nestedArrays(65)))
                    .isInstanceOf(MarshalException.class)
                    .hasMessageContaining("nested deeper than 64");
            assertThatThrownBy(() -> RubyMarshal.load(nestedArrays(100_000))).isInstanceOf(MarshalException.class);
            assertThatThrownBy(() -> RubyMarshal.load(nestedArrays(10), new MarshalOptions(false, 5)))
                    .hasMessageContaining("nested deeper than 5");
        }

        @Test
        void shouldRefuseToWriteNestingBeyondTheBound() {
            List<Object> deep = new ArrayList<>();
            List<Object> innermost = deep;
            for (int i = 0; i < 100; i++) {
                List<Object> next = new ArrayList<>();
                innermost.add(next);
                innermost = next;
            }
            assertThatThrownBy(() -> RubyMarshal.dump(deep))
                    .isInstanceOf(MarshalException.class)
                    .hasMessageContaining("nested deeper than 64");
        }

        @Test
        void shouldRefuseLinksThatPointNowhere() {
            assertThatThrownBy(() -> RubyMarshal.load(bytes(4, 8, '@', 6)))
                    .hasMessageContaining("Object link 1 at offset 2 points past the 0 objects read");
            assertThatThrownBy(() -> RubyMarshal.load(bytes(4, 8, ';', 5)))
                    .hasMessageContaining("Symbol link 0 at offset 2 points past the 0 symbols read");
        }

        @Test
        void shouldRefuseCyclicData() {
            byte[] stream = Ruby.dump("(a = []; a << a; a)");
            assertThatThrownBy(() -> RubyMarshal.load(stream))
                    .isInstanceOf(MarshalException.class)
                    .hasMessageContaining("cyclic data is refused");
            byte[] viaHashKey = Ruby.dump("(a = []; h = {a => 1}; a << h; a)");
            assertThatThrownBy(() -> RubyMarshal.load(viaHashKey)).hasMessageContaining("cyclic");
        }

        @Test
        void shouldRefuseBadFloatText() {
            assertThatThrownBy(() -> RubyMarshal.load(bytes(4, 8, 'f', 9, '1', '.', '5', 'd')))
                    .hasMessageContaining("Bad Float text '1.5d' at offset 2");
            assertThatThrownBy(() -> RubyMarshal.load(bytes(4, 8, 'f', 8, '0', 'x', '1')))
                    .hasMessageContaining("Bad Float text");
        }

        @Test
        void shouldRefuseABadBignumSign() {
            assertThatThrownBy(() -> RubyMarshal.load(bytes(4, 8, 'l', '*', 6, 1, 0)))
                    .hasMessageContaining("Bad Bignum sign 0x2a at offset 3");
        }
    }
}
