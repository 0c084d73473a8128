package mcollective.protocol.codec;

import java.util.Objects;

/**
 * A Ruby Regexp as data: its source and option bits (1 ignore case, 2 extended, 4 multiline). Ruby clients send
 * one as the {@code r_compare} of a compound filter's data function ({@code fstat('/etc/hosts').md5=/abc/}).
 * Nothing is compiled here; a matcher decides how to use it.
 */
public record RubyRegexp(String source, int options) {
    public RubyRegexp {
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String toString() {
        return "/" + source + "/";
    }
}
