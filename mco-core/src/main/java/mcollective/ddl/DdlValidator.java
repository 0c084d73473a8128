package mcollective.ddl;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import mcollective.protocol.codec.RubyRegexp;
import mcollective.protocol.codec.RubySymbol;
import mcollective.ruby.RubyNumbers;
import mcollective.ruby.RubyValues;
import mcollective.spi.PluginContext;
import mcollective.spi.Validator;

/**
 * Checks a SimpleRPC request against an agent DDL, the same way on client and node, with MCollective's messages.
 * Port of {@code ddl/agentddl.rb} ({@code validate_rpc_request}, {@code set_default_input_arguments}),
 * {@code ddl/base.rb validate_input_argument}, {@code validator.rb Validator.validate} and the CLI conversions of
 * {@code ddl.rb} ({@code string_to_boolean}, {@code string_to_number}). Failures are
 * {@link DdlValidationException}s: {@code Attempted to call action X for Y but it's not declared in the DDL},
 * {@code Action X needs a Y argument}, {@code Cannot validate input Y: <validator message>}. Named validators
 * ({@code :validation => :shellsafe}) come from a lookup, usually the {@link mcollective.spi.Validator} plugins.
 * Immutable; thread-safe when the lookup is.
 */
public final class DdlValidator {
    private static final Pattern FLOAT = Pattern.compile("^\\d+\\.\\d+$", Pattern.MULTILINE);
    private static final Pattern INTEGER = Pattern.compile("^\\d+$", Pattern.MULTILINE);

    private final Function<String, BiConsumer<Object, String>> namedValidators;

    /**
     * @param namedValidators a named validator ({@code shellsafe}, {@code ipv4address}, ...) by name, called with
     *                        the value and the name; it throws {@link DdlException} with the validator's message
     *                        when the value fails and for an unknown name
     */
    public DdlValidator(Function<String, BiConsumer<Object, String>> namedValidators) {
        this.namedValidators = namedValidators;
    }

    /** Named validators from the {@link mcollective.spi.Validator} plugins of the context's registry. */
    public static DdlValidator using(PluginContext context) {
        // Validators are stateless: one instance each, made on first use, serves every request.
        Map<String, Validator> made = new ConcurrentHashMap<>();
        return new DdlValidator(name -> (value, validator) -> {
            if (!context.registry().has(Validator.class, name)) {
                throw unknownValidator(name);
            }
            made.computeIfAbsent(name, n -> context.registry().create(Validator.class, n, context))
                    .validate(value, null);
        });
    }

    /** Named validators from these plugin instances, keyed by {@link mcollective.spi.Validator#name()}. */
    public static DdlValidator of(List<? extends Validator> validators) {
        Map<String, Validator> byName = new HashMap<>();
        validators.forEach(v -> byName.put(v.name(), v));
        return new DdlValidator(name -> (value, validator) -> Optional.ofNullable(byName.get(name))
                .orElseThrow(() -> unknownValidator(name))
                .validate(value, null));
    }

    /** Ruby's message for a {@code :validation} symbol no validator plugin answers to. */
    public static DdlValidationException unknownValidator(String name) {
        return new DdlValidationException("Unknown validator: '" + name + "'.");
    }

    /**
     * What a client does before it sends ({@code rpc/client.rb validate_request}): fills defaults with
     * {@link #setDefaultInputArguments}, then {@link #validateRpcRequest}. {@code arguments} is changed in place.
     */
    public void validate(Ddl ddl, String action, Map<String, Object> arguments) {
        setDefaultInputArguments(ddl, action, arguments);
        validateRpcRequest(ddl, action, arguments);
    }

    /**
     * {@code set_default_input_arguments}: each input missing from {@code arguments} that has a {@code :default}
     * gets it, but only when the input is not optional (quirk Q-7, kept: see docs/compatibility.md). An undeclared
     * action is left alone. Changes {@code arguments} in place.
     */
    public void setDefaultInputArguments(Ddl ddl, String action, Map<String, Object> arguments) {
        ddl.action(action)
                .ifPresent(interfaces -> interfaces.inputs().forEach((key, input) -> {
                    if (!arguments.containsKey(key) && input.defaultValue().isPresent() && !input.optional()) {
                        arguments.put(key, input.defaultValue().get());
                    }
                }));
    }

    /**
     * {@code validate_rpc_request}, what a node does with a request (no defaults filled): the action must be
     * declared, every required input present and every input given valid. Inputs the DDL does not declare pass.
     *
     * @throws DdlValidationException with MCollective's message for the first failure, in declaration order
     */
    public void validateRpcRequest(Ddl ddl, String action, Map<String, ?> arguments) {
        ActionDdl interfaces = ddl.action(action)
                .orElseThrow(() -> new DdlValidationException(String.format(
                        "Attempted to call action %s for %s but it's not declared in the DDL", action, ddl.name())));
        interfaces.inputs().forEach((key, input) -> {
            if (!input.optional() && !arguments.containsKey(key)) {
                throw new DdlValidationException(String.format("Action %s needs a %s argument", action, key));
            }
            if (arguments.containsKey(key)) {
                validateInputArgument(input, arguments.get(key));
            }
        });
    }

    /**
     * {@code validate_input_argument}: a string is type-checked, then its length, then its {@code :validation};
     * a list value must be one of the list; other types are checked as {@code Validator.validate(value, :type)}.
     *
     * @throws DdlValidationException {@code Cannot validate input <name>: <reason>}
     */
    public void validateInputArgument(InputItem input, Object value) {
        try {
            switch (input.type()) {
                case "string" -> {
                    ValueChecks.typecheck(value, "string");
                    ValueChecks.length(value, input.maxlength());
                    input.validation().ifPresent(v -> validateValue(value, v));
                }
                case "list" -> ValueChecks.array(value, input.list());
                default -> validateValue(value, RubySymbol.of(input.type()));
            }
        } catch (DdlException e) {
            throw new DdlValidationException(
                    String.format("Cannot validate input %s: %s", input.name(), e.getMessage()));
        }
    }

    /**
     * {@code Validator.validate(value, validation)}: a type Symbol ({@code :integer} ...) type-checks, a String or
     * regex literal must match, another Symbol names a validator, a List holds the allowed values; anything else
     * passes. {@code :hash} and {@code :array} check for a Map and a List (Q-6, fixed).
     */
    public void validateValue(Object value, Object validation) {
        if (validation instanceof RubySymbol symbol) {
            String name = symbol.name();
            if (ValueChecks.TYPECHECK_TYPES.contains(name) || name.equals("hash") || name.equals("array")) {
                ValueChecks.typecheck(value, name);
            } else {
                namedValidators.apply(name).accept(value, name);
            }
        } else if (validation instanceof String || validation instanceof RubyRegexp) {
            ValueChecks.regex(value, validation);
        } else if (validation instanceof List<?> allowed) {
            ValueChecks.array(value, allowed);
        }
    }

    /**
     * A CLI {@code key=value} argument converted by its DDL type, as {@code mco rpc} does
     * ({@code application/rpc.rb string_to_ddl_type}): boolean by {@code DDL.string_to_boolean}; number, integer
     * and float by {@code DDL.string_to_number} (a float when it looks like {@code 1.5}, else an integer, so
     * {@code 2} for a float input stays an integer as in Ruby); every other type stays a String.
     *
     * @throws DdlValidationException {@code x does not look like a boolean argument} / {@code ... like a number}
     */
    public static Object convertInput(InputItem input, String value) {
        return switch (input.type()) {
            case "boolean" -> stringToBoolean(value);
            case "number", "integer", "float" -> stringToNumber(value);
            default -> value;
        };
    }

    /** {@link #convertInput}, under the name earlier callers use. */
    public static Object convert(InputItem input, String value) {
        return convertInput(input, value);
    }

    /** {@code DDL.string_to_boolean}: true/t/yes/y/1 and false/f/no/n/0, any case. */
    public static boolean stringToBoolean(String value) {
        return RubyValues.stringToBoolean(value)
                .orElseThrow(() -> new DdlValidationException(value + " does not look like a boolean argument"));
    }

    /**
     * {@code DDL.string_to_number}: {@code val.to_f} (a Double) when a line is {@code \d+\.\d+}, else
     * {@code val.to_i} (a Long, BigInteger when it does not fit) when a line is {@code \d+}; like Ruby's {@code =~}
     * the pattern may match any line, and the number is read from the start.
     */
    public static Number stringToNumber(String value) {
        if (FLOAT.matcher(value).find()) {
            return RubyNumbers.toF(value);
        }
        if (INTEGER.matcher(value).find()) {
            BigInteger n = RubyNumbers.toI(value);
            return n.bitLength() < 64 ? (Number) n.longValue() : n;
        }
        throw new DdlValidationException(value + " does not look like a number");
    }
}
