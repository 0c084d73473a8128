/**
 * The DDL model (port of {@code lib/mcollective/ddl.rb}, {@code ddl/*.rb}, {@code validator.rb}): one immutable model
 * for every plugin kind ({@link mcollective.ddl.Ddl}, {@link mcollective.ddl.Metadata},
 * {@link mcollective.ddl.ActionDdl}, {@link mcollective.ddl.InputItem}, {@link mcollective.ddl.OutputItem},
 * {@link mcollective.ddl.AggregateCall}, {@link mcollective.ddl.DdlKind}); the libdir/class-path
 * {@link mcollective.ddl.DdlLoader}, which reads each file with the {@link mcollective.ddl.DdlFormat} of its suffix;
 * and request validation with MCollective's messages ({@link mcollective.ddl.DdlValidator},
 * {@link mcollective.ddl.ValueChecks}). The formats are front ends in their own packages,
 * {@link mcollective.ddl.ruby} (the Ruby DSL) and {@link mcollective.ddl.json} (Choria's JSON); this package does
 * not depend on them.
 */
package mcollective.ddl;
