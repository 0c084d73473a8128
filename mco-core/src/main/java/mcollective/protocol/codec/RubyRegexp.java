package mcollective.protocol.codec;

import java.util.Objects;

import mcollective.ruby.RubyObject;
import mcollective.ruby.RubyRegex;

/**
 * A Ruby Regexp as data: its source and option bits ({@link RubyRegex#IGNORECASE} 1, {@link RubyRegex#EXTENDED} 2,
 * {@link RubyRegex#MULTILINE} 4). Ruby clients send one as the {@code r_compare} of a compound filter's data function
 * ({@code fstat('/etc/hosts').md5=/abc/}), and a DDL writes one as a {@code :validation} literal. Nothing is compiled
 * here; {@link RubyRegex} compiles it where it is used.
 */
public record RubyRegexp(String source, int options) implements RubyObject {
    public RubyRegexp {
        Objects.requireNonNull(source, "source");
    }

    /** A literal as the DDL DSL writes it: {@code /source/} followed by option letters such as {@code "ix"}. */
    public static RubyRegexp literal(String source, String letters) {
        return new RubyRegexp(source, RubyRegex.options(letters));
    }

    /** {@code Regexp#to_s}: {@code (?-mix:source)}, how MCollective prints a Regexp in messages. */
    @Override
    public String toS() {
        return RubyRegex.toS(source, options);
    }

    /** {@code Regexp#inspect}: {@code /source/} and the option letters in Ruby's order ({@code /a/mix}). */
    @Override
    public String inspect() {
        return "/" + source + "/" + ((options & RubyRegex.MULTILINE) != 0 ? "m" : "")
                + ((options & RubyRegex.IGNORECASE) != 0 ? "i" : "") + ((options & RubyRegex.EXTENDED) != 0 ? "x" : "");
    }

    @Override
    public String toString() {
        return "/" + source + "/";
    }
}
