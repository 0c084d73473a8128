package mcollective.logging;

import java.util.Locale;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import mcollective.config.Config;

/**
 * Applies {@code logger_type}, {@code logfile} and {@code loglevel} to Logback, with line layouts close to Ruby's
 * Logger ({@code I, [time #pid]  INFO -- : msg} in files; {@code info time: msg} on the console).
 */
public final class LogSetup {
    private LogSetup() {
    }

    public static void configure(Config config) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.setLevel(level(config.loglevel()));
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
            encoder.setPattern("%.-1level, [%d{yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX} #" + ProcessHandle.current().pid()
                    + "] %5level -- : %logger{0}: " + EscapingLayouts.MESSAGE_AND_TRACE);
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
        appender.setName("mcollective");
        appender.start();
        root.addAppender(appender);
    }

    private static Level level(String rubyLevel) {
        return switch (rubyLevel.toLowerCase(Locale.ROOT)) {
            case "debug" -> Level.DEBUG;
            case "warn" -> Level.WARN;
            case "error", "fatal" -> Level.ERROR;
            default -> Level.INFO;
        };
    }
}
