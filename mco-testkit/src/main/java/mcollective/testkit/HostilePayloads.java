package mcollective.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mcollective.protocol.codec.MarshalOptions;
import mcollective.protocol.codec.RubyMarshal;
import mcollective.protocol.codec.RubySymbol;

/**
 * Messages an attacker who has only the broker login can send (issue 8), built the way the attacker builds them,
 * for unit and integration tests alike. Thread-safe.
 */
public final class HostilePayloads {
    /** A complete ERROR line as Ruby's Logger writes it into a logfile: what {@link #forgedLogLine()} smuggles. */
    public static final String FORGED_LINE = "E, [2026-12-03T10:00:00.000000+00:00 #1] ERROR -- : forged";
    /** How deep the compound filter nests. */
    public static final int NESTING = 3000;

    private static final RubySymbol FILTER = RubySymbol.of("filter");

    private HostilePayloads() {}

    /**
     * A 66-byte Marshal stream holding one Float whose text is {@code 1.0}, a line break and {@link #FORGED_LINE}:
     * a node that quotes the text it could not read in its log, unescaped, writes the forged line.
     */
    public static byte[] forgedLogLine() {
        byte[] text = ("1.0\n" + FORGED_LINE).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(4);
        out.write(8);
        out.write('f');
        out.write(text.length + 5); // Marshal's length byte for 1..122
        out.writeBytes(text);
        return out.toByteArray();
    }

    /**
     * The compound callstack: {@code depth} opening parentheses, one statement, {@code depth} closing ones
     * ({@code [{"(" => "("}] * depth + [{"statement" => "x=y"}] + [{")" => ")"}] * depth}).
     */
    public static List<Object> nestedCompound(int depth) {
        List<Object> callstack = new ArrayList<>(2 * depth + 1);
        for (int i = 0; i < depth; i++) {
            callstack.add(new LinkedHashMap<>(Map.of("(", "(")));
        }
        callstack.add(new LinkedHashMap<>(Map.of("statement", "x=y")));
        for (int i = 0; i < depth; i++) {
            callstack.add(new LinkedHashMap<>(Map.of(")", ")")));
        }
        return callstack;
    }

    /**
     * A captured valid request (a psk or ssl envelope) with {@code compound} attached to its filter. The
     * {@code :body} and {@code :hash} are kept byte for byte: the filter is not covered by the hash, so no key is
     * needed, as in Ruby.
     */
    public static byte[] withCompoundFilter(byte[] capturedRequest, List<Object> compound) {
        Map<Object, Object> envelope =
                new LinkedHashMap<>((Map<?, ?>) RubyMarshal.load(capturedRequest, MarshalOptions.preserving()));
        Map<Object, Object> filter = new LinkedHashMap<>((Map<?, ?>) envelope.get(FILTER));
        filter.put("compound", List.of(compound));
        envelope.put(FILTER, filter);
        return RubyMarshal.dump(envelope);
    }
}
