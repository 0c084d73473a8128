/**
 * Ruby's semantics, each in one place, for the code that must answer as a Ruby peer would: {@link
 * mcollective.ruby.RubyFloat} (shortest Float digits and {@code Float#to_s}), {@link mcollective.ruby.RubyNumbers}
 * ({@code Integer()}, {@code Float()}, {@code String#to_i}/{@code to_f}, numeric {@code ==} and {@code <=>}),
 * {@link mcollective.ruby.RubyRegex} (Onigmo source to java.util.regex, cached and budgeted, {@code Regexp#to_s}) and
 * {@link mcollective.ruby.RubyValues} ({@code to_s}, {@code inspect}, {@code Util.str_to_bool},
 * {@code DDL.string_to_boolean}, {@code String#<=>}). Tested against vectors printed by real Ruby
 * ({@code src/test/resources/mcollective/ruby}). Depends on nothing but the JDK and {@link mcollective}; the wire
 * types of {@link mcollective.protocol.codec} print themselves through {@link mcollective.ruby.RubyObject}.
 */
package mcollective.ruby;
