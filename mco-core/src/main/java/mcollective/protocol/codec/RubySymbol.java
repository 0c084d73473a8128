package mcollective.protocol.codec;

import java.util.Objects;

/**
 * A Ruby Symbol ({@code :agent}). Ruby keeps Symbols and Strings apart: the envelope and RPC hashes are
 * keyed by Symbols, the filter hash by Strings, and a Ruby peer looks a key up by the exact type.
 */
public record RubySymbol(String name) {
    public RubySymbol {
        Objects.requireNonNull(name, "name");
    }

    public static RubySymbol of(String name) {
        return new RubySymbol(name);
    }

    @Override
    public String toString() {
        return ":" + name;
    }
}
