package mcollective.logback;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;

/**
 * Makes {@code %escapedMsg} ({@link EscapedMessageConverter}) and {@code %escapedEx}
 * ({@link EscapedThrowableConverter}) known to a Logback context, for the layouts {@link LogSetup} builds. The
 * {@code logback.xml} files declare the same words with {@code <conversionRule>}.
 */
public final class EscapingLayouts {
    /** The end of every layout: the escaped message, a line break, and the escaped stack trace if any. */
    public static final String MESSAGE_AND_TRACE = "%escapedMsg%n%escapedEx";

    private EscapingLayouts() {}

    /** Registers both conversion words in {@code context}; idempotent. */
    public static void register(LoggerContext context) {
        synchronized (context.getConfigurationLock()) {
            @SuppressWarnings("unchecked")
            Map<String, Supplier<DynamicConverter<?>>> rules = (Map<String, Supplier<DynamicConverter<?>>>)
                    context.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
            if (rules == null) {
                rules = new HashMap<>();
                context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
            }
            rules.put("escapedMsg", EscapedMessageConverter::new);
            rules.put("escapedEx", EscapedThrowableConverter::new);
        }
    }
}
