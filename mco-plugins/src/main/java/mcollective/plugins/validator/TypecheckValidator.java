package mcollective.plugins.validator;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import mcollective.ddl.DdlException;
import mcollective.spi.Validator;

/** Port of {@code validator/typecheck_validator.rb}: integer, float, number, string, boolean (and hash, array). */
public final class TypecheckValidator implements Validator {

    @Override
    public String name() {
        return "typecheck";
    }

    @Override
    public void validate(Object value, Object argument) {
        String type = String.valueOf(argument);
        boolean ok = switch (type) {
            case "integer" -> value instanceof Long || value instanceof Integer || value instanceof BigInteger;
            case "float" -> value instanceof Double || value instanceof Float;
            case "number" -> value instanceof Number;
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            case "hash" -> value instanceof Map;
            case "array" -> value instanceof List;
            default -> true;
        };
        if (!ok) {
            throw new DdlException("value should be a " + type);
        }
    }
}
