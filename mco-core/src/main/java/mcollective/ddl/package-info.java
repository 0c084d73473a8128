/**
 * DDLs: the Ruby DSL read without Ruby ({@link mcollective.ddl.RubyDslParser}, {@link mcollective.ddl.DdlReader}),
 * one model for every plugin kind ({@link mcollective.ddl.Ddl}), the libdir/class-path loader and request
 * validation ({@link mcollective.ddl.DdlValidator}).
 */
package mcollective.ddl;
