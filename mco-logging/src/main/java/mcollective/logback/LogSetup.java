package mcollective.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import org.slf4j.LoggerFactory;

import mcollective.config.Config;

/**
 * Applies {@code logger_type}, {@code logfile} and {@code loglevel} to Logback, with line layouts close to Ruby's
 * Logger ({@code I, [time #pid]  INFO -- : msg} in files; {@code info time: msg} on the console).
 */
public final class LogSetup {
    private static final String APPENDER = "mcollective";
    private static volatile LogLevel active = LogLevel.INFO;

    private LogSetup() {}

    public static void configure(Config config) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        setLevel(root, LogLevel.of(config.loglevel()));
        // The embedded Artemis warns about every client that disconnects and every expired reply; only its errors
        // are worth a node's log.
        context.getLogger("org.apache.activemq").setLevel(Level.ERROR);
        context.getLogger("org.apache.artemis").setLevel(Level.ERROR);

        EscapingLayouts.register(context);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        Appender<ILoggingEvent> appender;
        boolean toFile = "file".equals(config.loggerType()) && config.logfile().isPresent();
        if (toFile) {
            encoder.setPattern("%.-1level, [%d{yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX} #"
                    + ProcessHandle.current().pid() + "] %5level -- : %logger{0}: "
                    + EscapingLayouts.MESSAGE_AND_TRACE);
            FileAppender<ILoggingEvent> file = new FileAppender<>();
            file.setFile(config.logfile().get().toString());
            file.setAppend(true);
            file.setEncoder(encoder);
            appender = file;
        } else {
            encoder.setPattern("%level %d{yyyy/MM/dd HH:mm:ss}: %logger{0}: " + EscapingLayouts.MESSAGE_AND_TRACE);
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setTarget("System.err");
            console.setEncoder(encoder);
            appender = console;
        }
        encoder.start();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.start();
        root.addAppender(appender);
    }

    /** The level set by {@link #configure} or the last {@link #cycleLevel()}. */
    public static LogLevel level() {
        return active;
    }

    /**
     * Port of {@code Logger::Base#cycle_level} (SIGUSR2): sets the next level of debug, info, warn, error, fatal and
     * logs {@code Logging level is now WARN} at the new level, as Ruby does.
     *
     * @return the new level
     */
    public static synchronized LogLevel cycleLevel() {
        LogLevel next = active.next();
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            setLevel(context.getLogger(Logger.ROOT_LOGGER_NAME), next);
        }
        active = next;
        next.log(LoggerFactory.getLogger(LogSetup.class), "Logging level is now " + next.name());
        return next;
    }

    /**
     * Port of {@code File_logger#reopen} (SIGWINCH): closes and reopens the log file, so that after logrotate moved
     * it the node writes to a new file at the configured path. Does nothing when logging to the console.
     */
    public static synchronized void reopen() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(APPENDER)
                        instanceof FileAppender<ILoggingEvent> file) {
            file.stop();
            file.start();
        }
    }

    private static void setLevel(Logger root, LogLevel level) {
        root.setLevel(level.logback());
        active = level;
    }
}
