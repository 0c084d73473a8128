/**
 * Wire codecs for Ruby peers. {@link mcollective.protocol.codec.RubyMarshal} reads and writes Ruby Marshal 4.8 for
 * data types only (see docs/adr/002-ruby-marshal-codec.md); {@link mcollective.protocol.codec.RubySymbol} and
 * {@link mcollective.protocol.codec.RubyString} carry the two Ruby distinctions Java's types lose: Symbol versus
 * String, and a String's encoding.
 */
package mcollective.protocol.codec;
