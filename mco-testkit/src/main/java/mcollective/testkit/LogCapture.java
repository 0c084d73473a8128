package mcollective.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Records what some classes log while a test runs, whatever the root logger's appenders are (the CLI and the node
 * replace those): open it around the code under test and read {@link #lines()}. Thread-safe.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final List<Logger> loggers;
    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

    private LogCapture(List<Logger> loggers) {
        this.loggers = loggers;
        start();
        loggers.forEach(l -> l.addAppender(this));
    }

    /** Starts recording what these classes log, at every level. */
    public static LogCapture of(Class<?>... classes) {
        return new LogCapture(Arrays.stream(classes)
                .map(c -> (Logger) LoggerFactory.getLogger(c))
                .toList());
    }

    /** Starts recording what these loggers log, at every level: for classes a test cannot name (package-private). */
    public static LogCapture named(String... loggers) {
        return new LogCapture(Arrays.stream(loggers)
                .map(n -> (Logger) LoggerFactory.getLogger(n))
                .toList());
    }

    @Override
    protected void append(ILoggingEvent event) {
        events.add(event);
    }

    /** Every line so far as {@code LEVEL message}, e.g. {@code WARN Switching to mc ...}. */
    public List<String> lines() {
        return events.stream()
                .map(e -> e.getLevel() + " " + e.getFormattedMessage())
                .toList();
    }

    /** The messages logged at {@code level}. */
    public List<String> messages(Level level) {
        return events.stream()
                .filter(e -> e.getLevel() == level)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @Override
    public void close() {
        loggers.forEach(l -> l.detachAppender(this));
        stop();
    }
}
