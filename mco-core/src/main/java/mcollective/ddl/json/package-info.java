/**
 * The JSON front end of the DDL model: Choria's {@code .json} DDLs read by
 * {@link mcollective.ddl.json.JsonDdlParser}, whose {@code Format} is the {@code .json}
 * {@link mcollective.ddl.DdlFormat}.
 */
package mcollective.ddl.json;
