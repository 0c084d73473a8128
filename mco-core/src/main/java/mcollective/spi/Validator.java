package mcollective.spi;

/**
 * Checks one input value the same way on client and node, named in a DDL's {@code :validation} (a Symbol such as
 * {@code :shellsafe}) or called by agents. Port of the contract of {@code lib/mcollective/validator.rb} and
 * {@code validator/*_validator.rb}; {@link #name()} is the Ruby name ({@code shellsafe}, {@code ipv4address}).
 * Stateless and thread-safe: any thread may call {@link #validate} at any time, also without {@code init}.
 */
public interface Validator extends Plugin {

    /**
     * Returns normally when the value passes; throws {@link mcollective.ddl.DdlValidationException} with
     * MCollective's message ({@code value should not have ; in it}) when it fails.
     *
     * @param value    the value to check; may be null (which fails every validator but {@code array} with a nil)
     * @param argument the validator's argument where it takes one (length: the maximum as a Number; array: the
     *                 allowed values as a List; regex: the pattern as a String or a
     *                 {@link mcollective.protocol.codec.RubyRegexp}; typecheck: the type name), else null. A DDL's
     *                 {@code :validation => :name} passes null, as Ruby calls {@code validate(value)}.
     */
    void validate(Object value, Object argument);
}
