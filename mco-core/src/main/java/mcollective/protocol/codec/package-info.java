/**
 * Wire codecs for Ruby peers. {@link mcollective.protocol.codec.RubyMarshal} reads and writes Ruby Marshal 4.8 for
 * data types only (see docs/adr/002-ruby-marshal-codec.md); {@link mcollective.protocol.codec.RubySymbol} and
 * {@link mcollective.protocol.codec.RubyString} carry the two Ruby distinctions Java's types lose: Symbol versus
 * String, and a String's encoding; {@link mcollective.protocol.codec.RubyRegexp} is a Regexp as data. These print
 * themselves as Ruby does through {@link mcollective.ruby.RubyObject}, and Floats are written with the digits of
 * {@link mcollective.ruby.RubyFloat}.
 */
package mcollective.protocol.codec;
