package mcollective.ddl;

/**
 * A file format DDLs are written in, read into the one model ({@link Ddl}): MCollective's Ruby DSL ({@code .ddl},
 * {@link mcollective.ddl.ruby.RubyDdlParser}) and Choria's JSON ({@code .json},
 * {@link mcollective.ddl.json.JsonDdlParser}). {@link DdlLoader} finds the formats with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/mcollective.ddl.DdlFormat}), so the model does not depend on its front ends.
 * Implementations are stateless and thread-safe, with a public no-argument constructor.
 */
public interface DdlFormat {
    /** The file name suffix, e.g. {@code .ddl}; never null. */
    String extension();

    /**
     * Parses one DDL.
     *
     * @param kind the plugin kind; decides which statements are allowed
     * @param name the plugin name as the file names it ({@code rpcutil}, {@code fact_data})
     * @param text the file's text
     * @param file where it came from, for messages
     * @throws DdlException {@code file:line: message} (or {@code file: message}) for anything the format refuses
     */
    Ddl parse(DdlKind kind, String name, String text, String file);
}
