package mcollective.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Regexps are data a Ruby client sends in compound filters: read and written as Ruby does, never compiled. */
class RubyRegexpTest {
    @Test
    void shouldReadAndWriteRegexpsAsRuby() {
        byte[] ruby = Ruby.dump("[/ab+c/i, 'x']");

        List<?> decoded = (List<?>) RubyMarshal.load(ruby);

        assertThat(decoded.get(0)).isEqualTo(new RubyRegexp("ab+c", 1));
        assertThat(HexFormat.of().formatHex(RubyMarshal.dump(decoded)))
                .isEqualTo(HexFormat.of().formatHex(ruby));
    }
}
