package mcollective.ddl;

import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import mcollective.protocol.codec.RubySymbol;

/**
 * Checks a SimpleRPC request against an agent DDL, the same on client and node. Port of
 * {@code ddl/agentddl.rb validate_rpc_request} / {@code set_default_input_arguments}, {@code ddl/base.rb
 * validate_input_argument} and {@code validator.rb}, with MCollective's messages: an undeclared action, a missing
 * required input, and {@code Cannot validate input <key>: <reason>}.
 */
public final class DdlValidator {
    private final Function<String, BiConsumer<Object, String>> namedValidators;

    /**
     * @param namedValidators a named validator ({@code shellsafe}, {@code ipv4address}, ...) by name; it throws
     *                        {@link DdlException} with the validator's message when the value fails
     */
    public DdlValidator(Function<String, BiConsumer<Object, String>> namedValidators) {
        this.namedValidators = namedValidators;
    }

    /** Named validators from the registry's {@link mcollective.spi.Validator} plugins. */
    public static DdlValidator using(mcollective.plugin.PluginRegistry registry) {
        // Validators are stateless: one instance each, made on first use, serves every request.
        Map<String, mcollective.spi.Validator> made = new java.util.concurrent.ConcurrentHashMap<>();
        return new DdlValidator(name -> (value, validator) -> {
            if (!registry.has(mcollective.spi.Validator.class, name)) {
                throw new DdlException("Unknown validator '" + name + "'");
            }
            made.computeIfAbsent(name, n -> registry.create(mcollective.spi.Validator.class, n)).validate(value, null);
        });
    }

    /**
     * Applies defaults ({@code set_default_input_arguments}: quirk Q-7 kept, only non-optional inputs get their
     * default) and validates; {@code arguments} is changed in place.
     */
    public void validate(Ddl ddl, String action, Map<String, Object> arguments) {
        ActionDdl interfaces = ddl.action(action).orElseThrow(() -> new DdlException(String.format(
                "Attempted to call action %s for %s but it's not declared in the DDL", action, ddl.name())));
        interfaces.inputs().forEach((key, input) -> {
            if (!arguments.containsKey(key) && input.defaultValue().isPresent() && !input.optional()) {
                arguments.put(key, input.defaultValue().get());
            }
        });
        interfaces.inputs().forEach((key, input) -> {
            if (!input.optional() && !arguments.containsKey(key)) {
                throw new DdlException(String.format("Action %s needs a %s argument", action, key));
            }
            if (arguments.containsKey(key)) {
                try {
                    check(input, arguments.get(key));
                } catch (DdlException e) {
                    throw new DdlException(String.format("Cannot validate input %s: %s", key, e.getMessage()));
                }
            }
        });
    }

    private void check(InputItem input, Object value) {
        switch (input.type()) {
            case "string" -> {
                typecheck(value, "string");
                String text = (String) value;
                if (input.maxlength() > 0 && text.length() > input.maxlength()) {
                    throw new DdlException("Input string is longer than " + input.maxlength() + " character(s)");
                }
                input.validation().ifPresent(v -> validation(v, text));
            }
            case "list" -> {
                if (!input.list().contains(value)) {
                    throw new DdlException("value should be one of " + String.join(", ",
                            input.list().stream().map(String::valueOf).toList()));
                }
            }
            default -> typecheck(value, input.type());
        }
    }

    private void validation(Object validation, String value) {
        if (validation instanceof RubySymbol named) {
            if (java.util.List.of("integer", "boolean", "float", "number", "string").contains(named.name())) {
                typecheck(value, named.name());
                return;
            }
            namedValidators.apply(named.name()).accept(value, named.name());
            return;
        }
        String regex = validation instanceof RubyCall.RubyRegex literal ? literal.source() : String.valueOf(validation);
        try {
            if (!Pattern.compile(regex, Pattern.MULTILINE).matcher(value).find()) {
                throw new DdlException("value should match " + regex);
            }
        } catch (PatternSyntaxException e) {
            throw new DdlException("invalid validation regex " + regex + ": " + e.getDescription());
        }
    }

    /** {@code validator/typecheck_validator.rb}; Q-6 fixed: {@code hash} and {@code array} check their type. */
    static void typecheck(Object value, String type) {
        boolean ok = switch (type) {
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Long || value instanceof Integer || value instanceof java.math.BigInteger;
            case "float" -> value instanceof Double || value instanceof Float;
            case "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            case "hash" -> value instanceof Map;
            case "array" -> value instanceof java.util.List;
            default -> true;
        };
        if (!ok) {
            throw new DdlException("value should be a " + type);
        }
    }

    /**
     * A CLI {@code key=value} argument converted by its DDL type ({@code DDL.string_to_boolean},
     * {@code string_to_number}); other types stay strings.
     */
    public static Object convert(InputItem input, String value) {
        switch (input.type()) {
            case "boolean":
                String v = value.toLowerCase(Locale.ROOT);
                if (java.util.List.of("true", "t", "yes", "y", "1").contains(v)) {
                    return true;
                }
                if (java.util.List.of("false", "f", "no", "n", "0").contains(v)) {
                    return false;
                }
                throw new DdlException(value + " does not look like a boolean argument");
            case "number":
            case "integer":
            case "float":
                if (value.matches("^\\d+\\.\\d+$")) {
                    return Double.parseDouble(value);
                }
                if (value.matches("^\\d+$")) {
                    return Long.parseLong(value);
                }
                throw new DdlException(value + " does not look like a number");
            default:
                return value;
        }
    }
}
