package mcollective.logback;

import java.util.Locale;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;

/**
 * The levels of {@code loglevel}, in the order {@code logger/base.rb} cycles through them on SIGUSR2. Logback has no
 * FATAL, so {@link #FATAL} logs what {@link #ERROR} logs (nothing in this port logs at fatal).
 */
public enum LogLevel {
    DEBUG(Level.DEBUG),
    INFO(Level.INFO),
    WARN(Level.WARN),
    ERROR(Level.ERROR),
    FATAL(Level.ERROR);

    private final Level logback;

    LogLevel(Level logback) {
        this.logback = logback;
    }

    /** The level named as in the config file ({@code debug} … {@code fatal}); anything else is info. */
    public static LogLevel of(String rubyName) {
        return switch (rubyName.toLowerCase(Locale.ROOT)) {
            case "debug" -> DEBUG;
            case "warn" -> WARN;
            case "error" -> ERROR;
            case "fatal" -> FATAL;
            default -> INFO;
        };
    }

    /** Ruby's {@code get_next_level}: the next one, and debug after fatal. */
    public LogLevel next() {
        LogLevel[] all = values();
        return all[(ordinal() + 1) % all.length];
    }

    Level logback() {
        return logback;
    }

    /** Logs {@code message} at this level. */
    void log(Logger log, String message) {
        switch (this) {
            case DEBUG -> log.debug(message);
            case INFO -> log.info(message);
            case WARN -> log.warn(message);
            default -> log.error(message);
        }
    }
}
