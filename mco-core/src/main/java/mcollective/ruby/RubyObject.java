package mcollective.ruby;

/**
 * A Java stand-in for a Ruby object that prints itself as Ruby would, so {@link RubyValues#toS} and
 * {@link RubyValues#inspect} need not know the types: the wire value types of {@code mcollective.protocol.codec}
 * (Symbol, String with its encoding, Regexp) implement it.
 */
public interface RubyObject {
    /** Ruby's {@code to_s}, never null. */
    String toS();

    /** Ruby's {@code inspect}, never null. */
    String inspect();
}
