package mcollective.plugins.validator;

import mcollective.ddl.DdlValidationException;
import mcollective.ddl.ValueChecks;
import mcollective.protocol.codec.RubySymbol;
import mcollective.spi.Validator;

/**
 * Port of {@code validator/typecheck_validator.rb}: integer, float, number, string, boolean (and hash, array: Q-6),
 * or a Java class standing in for a Ruby one ({@code value should be a String}).
 */
public final class TypecheckValidator implements Validator {

    @Override
    public String name() {
        return "typecheck";
    }

    /** @param argument a type name (String or RubySymbol) or a {@link Class} */
    @Override
    public void validate(Object value, Object argument) {
        if (argument instanceof Class<?> type) {
            if (!type.isInstance(value)) {
                throw new DdlValidationException("value should be a " + type.getSimpleName());
            }
        } else if (argument instanceof RubySymbol symbol) {
            ValueChecks.typecheck(value, symbol.name());
        } else if (argument instanceof String type) {
            ValueChecks.typecheck(value, type);
        } else {
            throw missingArgument();
        }
    }

    /**
     * Ruby's error when a two-argument validator is named in {@code :validation => :length} and so called with
     * the value alone.
     */
    static DdlValidationException missingArgument() {
        return new DdlValidationException("wrong number of arguments (given 1, expected 2)");
    }
}
