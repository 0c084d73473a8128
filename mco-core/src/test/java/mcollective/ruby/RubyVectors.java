package mcollective.ruby;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The expectations printed by real Ruby that {@code src/test/resources/mcollective/ruby/generate.rb} wrote once; the
 * tests read them and never run Ruby.
 */
final class RubyVectors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RubyVectors() {}

    /** The lines of a vector file, without the {@code #} comment lines. */
    static List<String> lines(String name) {
        try (InputStream in = RubyVectors.class.getResourceAsStream(name);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One JSON object per line. */
    static List<Map<String, Object>> records(String name) {
        return lines(name).stream().map(RubyVectors::parse).toList();
    }

    /** A double from its big-endian IEEE bits in hex, as generate.rb writes it. */
    static double fromBits(String hex) {
        return Double.longBitsToDouble(HexFormat.fromHexDigitsToLong(hex));
    }

    private static Map<String, Object> parse(String line) {
        try {
            return JSON.readValue(line, new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
