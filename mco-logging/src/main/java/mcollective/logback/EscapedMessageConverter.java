package mcollective.logback;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

import mcollective.logging.LogSafe;

/**
 * {@code %escapedMsg}: the formatted message with its control characters escaped ({@code \n}, {@code \e}, ...), so
 * that one event is one line whatever a value logged without {@link LogSafe} holds. The backstop behind
 * {@link LogSafe}, which also bounds each wire value; see {@link EscapingLayouts}.
 */
public final class EscapedMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return LogSafe.controlsEscaped(super.convert(event));
    }
}
