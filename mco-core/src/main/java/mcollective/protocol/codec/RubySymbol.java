package mcollective.protocol.codec;

import java.util.Objects;

import mcollective.ruby.RubyObject;

/**
 * A Ruby Symbol ({@code :agent}). Ruby keeps Symbols and Strings apart: the envelope and RPC hashes are
 * keyed by Symbols, the filter hash by Strings, and a Ruby peer looks a key up by the exact type.
 */
public record RubySymbol(String name) implements RubyObject {
    public RubySymbol {
        Objects.requireNonNull(name, "name");
    }

    public static RubySymbol of(String name) {
        return new RubySymbol(name);
    }

    /** {@code Symbol#to_s}: the name. */
    @Override
    public String toS() {
        return name;
    }

    /** {@code Symbol#inspect}: {@code :name}. */
    @Override
    public String inspect() {
        return ":" + name;
    }

    @Override
    public String toString() {
        return inspect();
    }
}
