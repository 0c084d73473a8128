/**
 * DDLs (port of {@code lib/mcollective/ddl.rb}, {@code ddl/*.rb}, {@code validator.rb}): one immutable model for
 * every plugin kind ({@link mcollective.ddl.Ddl}, {@link mcollective.ddl.Metadata},
 * {@link mcollective.ddl.ActionDdl}, {@link mcollective.ddl.InputItem}, {@link mcollective.ddl.OutputItem},
 * {@link mcollective.ddl.AggregateCall}); the Ruby DSL read without Ruby ({@link mcollective.ddl.RubyDdlParser})
 * and Choria's JSON DDLs ({@link mcollective.ddl.JsonDdlParser}); the libdir/class-path
 * {@link mcollective.ddl.DdlLoader}; and request validation with MCollective's messages
 * ({@link mcollective.ddl.DdlValidator}, {@link mcollective.ddl.ValueChecks}).
 */
package mcollective.ddl;
