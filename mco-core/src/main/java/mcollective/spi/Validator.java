package mcollective.spi;

/**
 * Checks one input value the same way on client and node, named in a DDL's {@code :validation} (a Symbol such as
 * {@code :shellsafe}) or called by agents. Port of the contract of {@code lib/mcollective/validator.rb} and
 * {@code validator/*_validator.rb}. Stateless and thread-safe.
 */
public interface Validator extends Plugin {

    /**
     * Throws {@link mcollective.ddl.DdlException} with MCollective's message ({@code value should not have ; in it})
     * when {@code value} fails.
     *
     * @param argument the validator's argument where it takes one (length: the maximum; array: the allowed values;
     *                 regex: the pattern; typecheck: the type name), else null
     */
    void validate(Object value, Object argument);
}
