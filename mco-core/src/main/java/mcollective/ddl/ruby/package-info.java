/**
 * The Ruby-DSL front end of the DDL model: MCollective's {@code .ddl} files read without running Ruby.
 * {@link mcollective.ddl.ruby.RubyDslLexer} (with {@link mcollective.ddl.ruby.RubyEscapes} for string literals)
 * tokenizes the subset of Ruby that DDLs use; {@link mcollective.ddl.ruby.RubyCallParser} turns the tokens into a tree
 * of {@link mcollective.ddl.ruby.RubyCall}s, unrolling {@code [...].each do |x| ... end} loops over literal lists;
 * {@link mcollective.ddl.ruby.RubyDdlParser} (with {@code RubyDdlItems} for {@code input}, {@code output} and
 * {@code summarize}) applies the rules of the DSL methods of {@code ddl/*.rb} and builds a
 * {@link mcollective.ddl.Ddl}. Its {@code Format} is the {@code .ddl} {@link mcollective.ddl.DdlFormat}.
 */
package mcollective.ddl.ruby;
