package mcollective.plugins.security.ssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import mcollective.MessageDecodeException;
import mcollective.protocol.codec.RubyMarshal;
import mcollective.protocol.codec.RubyRegexp;
import mcollective.protocol.codec.RubySymbol;

/** The YAML serializer against the installed Ruby's Psych, both ways, with Marshal as the common ground. */
class RubyYamlTest {
    static final Map<Object, Object> SAMPLE = sample();

    static Map<Object, Object> sample() {
        Map<Object, Object> data = new LinkedHashMap<>();
        for (String tricky : List.of(
                "yes",
                "no",
                "123",
                "1.5",
                ":foo",
                "~",
                "null",
                "",
                "  lead",
                "trail ",
                "a\nb\n",
                "tab\there",
                "ünï €",
                "#x",
                "- x",
                "key: v",
                "'q'",
                "\"dq\"",
                "2020-01-01",
                "0x1f",
                "\\")) {
            data.put("s" + data.size(), tricky);
        }
        data.put(RubySymbol.of("process_results"), true);
        data.put(RubySymbol.of("off"), false);
        data.put(RubySymbol.of("nothing"), null);
        data.put(RubySymbol.of("ints"), List.of(0L, -7L, 1_795_583_914L, new BigInteger("1180591620717411303424")));
        data.put(RubySymbol.of("floats"), List.of(1.5, 1e20, -0.0, 2.5e-5));
        data.put(RubySymbol.of("a b"), RubySymbol.of("x-y"));
        data.put(RubySymbol.of("list"), List.of(List.of(), Map.of(), List.of(RubySymbol.of("sym"), "x")));
        data.put(RubySymbol.of("re"), new RubyRegexp("ab+c: #d", 1));
        Map<Object, Object> message = new LinkedHashMap<>();
        message.put(RubySymbol.of("agent"), "rpcutil");
        message.put(RubySymbol.of("action"), "inventory");
        message.put(RubySymbol.of("data"), data);
        return message;
    }

    @Test
    void shouldWriteWhatRubysSafeLoadReadsAsTheSameValues() throws Exception {
        String yaml = RubyYamlWriter.dump(SAMPLE);

        byte[] marshal = ruby(
                "print Marshal.dump(YAML.safe_load(STDIN.read, permitted_classes: [Symbol, Regexp]))",
                yaml.getBytes(StandardCharsets.UTF_8));

        assertThat(RubyMarshal.load(marshal)).isEqualTo(SAMPLE);
    }

    @Test
    void shouldReadWhatRubysYamlDumpWrites() throws Exception {
        byte[] yaml = ruby("print YAML.dump(Marshal.load(STDIN.read))", RubyMarshal.dump(SAMPLE));

        assertThat(RubyYamlReader.load(new String(yaml, StandardCharsets.UTF_8)))
                .isEqualTo(SAMPLE);
    }

    @Test
    void shouldReadRubysSymbolsAndBinaryStrings() {
        Object value = RubyYamlReader.load("---\n:a b: :\"p q\"\n:b: !binary |-\n  /wA=\n:c: !ruby/symbol x\n:d:\n");

        assertThat(value).isInstanceOfSatisfying(Map.class, map -> {
            assertThat(map.get(RubySymbol.of("a b"))).isEqualTo(RubySymbol.of("p q"));
            assertThat(map.get(RubySymbol.of("b"))).isEqualTo(new byte[] {(byte) 0xff, 0});
            assertThat(map.get(RubySymbol.of("c"))).isEqualTo(RubySymbol.of("x"));
            assertThat(map.containsKey(RubySymbol.of("d"))).isTrue();
            assertThat(map.get(RubySymbol.of("d"))).isNull();
        });
    }

    @Test
    void shouldRefuseWhatSafeLoadRefuses() {
        assertThatThrownBy(() -> RubyYamlReader.load("--- !ruby/object:File {}\n"))
                .isInstanceOf(MessageDecodeException.class)
                .hasMessageContaining("!ruby/object:File");
        assertThatThrownBy(() -> RubyYamlReader.load("a: &x [1]\nb: *x\n")).isInstanceOf(MessageDecodeException.class);
        assertThatThrownBy(() -> RubyYamlReader.load("[".repeat(1000))).isInstanceOf(MessageDecodeException.class);
        assertThatThrownBy(() -> RubyYamlReader.load("a: [\n")).isInstanceOf(MessageDecodeException.class);
    }

    /** Runs {@code script} in the installed Ruby with {@code input} on stdin; what it printed. */
    static byte[] ruby(String script, byte[] input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ruby", "-ryaml", "-e", script)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(input);
        }
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ruby finished").isTrue();
        assertThat(process.exitValue()).as("ruby's exit code").isZero();
        return out;
    }
}
