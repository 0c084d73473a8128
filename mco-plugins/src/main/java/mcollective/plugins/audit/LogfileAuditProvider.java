package mcollective.plugins.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import mcollective.logging.LogSafe;
import mcollective.spi.AuditOutcome;
import mcollective.spi.AuditProvider;
import mcollective.spi.AuditRecord;
import mcollective.spi.PluginContext;

/**
 * Port of {@code lib/mcollective/audit/logfile.rb}: one line per request in {@code plugin.rpcaudit.logfile}, byte for
 * byte as Ruby writes it for a request it runs:
 * {@code [2016-12-13 08:32:34 UTC] reqid=...: reqtime=1481617954 caller=uid=0@client agent=rpcutil action=ping
 * data={:process_results=>true}}. A request refused before its action ran (which Ruby does not audit) ends with
 * {@code " outcome=denied"} (or {@code invalid}, {@code error}). Control characters in the caller, sender, agent and
 * action are escaped, so that no request can forge a line; data without a value prints as {@code nil} (Ruby's
 * audit fails on it).
 */
public final class LogfileAuditProvider implements AuditProvider {
    static final String KEY = "plugin.rpcaudit.logfile";
    static final String DEFAULT = "/var/log/puppetlabs/mcollective/mcollective-audit.log";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    private AuditFile file;
    private Clock clock;

    @Override
    public String name() {
        return "logfile";
    }

    @Override
    public void init(PluginContext context) {
        String path = context.config().plugin("rpcaudit").get("logfile").orElse(DEFAULT);
        file = new AuditFile(KEY, Path.of(path), Optional.empty());
        clock = context.clock();
    }

    @Override
    public void audit(AuditRecord record) {
        file.append(line(record, clock));
    }

    /** The line Ruby writes, without its newline. */
    static String line(AuditRecord record, Clock clock) {
        StringBuilder line = new StringBuilder(200)
                .append('[')
                .append(STAMP.format(clock.instant().atOffset(ZoneOffset.UTC)))
                .append("] reqid=")
                .append(plain(record.requestId()))
                .append(": reqtime=")
                .append(record.requestTime())
                .append(" caller=")
                .append(plain(record.callerId()))
                .append('@')
                .append(plain(record.senderId()))
                .append(" agent=")
                .append(plain(record.agent()))
                .append(" action=")
                .append(plain(record.action()))
                .append(" data=")
                .append(RubyPp.singleLine(record.data().orElse(null)));
        return withOutcome(line, record).toString();
    }

    /** The outcome of a request that did not run, after the Ruby fields. */
    static StringBuilder withOutcome(StringBuilder line, AuditRecord record) {
        if (record.outcome() != AuditOutcome.ALLOWED) {
            line.append(" outcome=").append(record.outcome().text());
        }
        return line;
    }

    /** A wire value as Ruby interpolates it, with control characters escaped. */
    static String plain(String value) {
        return LogSafe.controlsEscaped(value);
    }
}
