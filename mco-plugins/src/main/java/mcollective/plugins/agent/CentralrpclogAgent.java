package mcollective.plugins.agent;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.logging.LogSafe;
import mcollective.plugins.audit.AuditFile;
import mcollective.plugins.audit.RubyPp;
import mcollective.protocol.Request;
import mcollective.protocol.codec.RubySymbol;
import mcollective.ruby.RubyValues;
import mcollective.spi.Agent;
import mcollective.spi.PluginContext;

/**
 * Port of {@code audit/centralrpclog/agent/centralrpclog.rb} (puppetlabs/mcollective-plugins): the collecting end of
 * the {@code centralrpclog} auditor, a non-SimpleRPC agent that appends each record it receives to
 * {@code plugin.centralrpclog.logfile} (default {@code /var/log/mcollective-rpcaudit.log}) and never replies. The line
 * is Ruby's, local time: {@code 12/04/26 19:02:11 node1> <reqid> 12/04/26 19:02:10 caller=uid=0#client
 * agent=rpcutil action=ping {:process_results=>true}}, with {@code " outcome=denied"} (or {@code invalid},
 * {@code error}) after a request that did not run. Bundled, so it is off unless
 * {@code plugin.centralrpclog.activate_agent = 1}: an active one writes what any authentic request sends it.
 */
public final class CentralrpclogAgent implements Agent {
    private static final Logger LOG = LoggerFactory.getLogger(CentralrpclogAgent.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MM/dd/yy HH:mm:ss");

    private AuditFile file;
    private Clock clock;

    @Override
    public String name() {
        return "centralrpclog";
    }

    @Override
    public void init(PluginContext context) {
        String path = context.pluginConfig().get("logfile").orElse("/var/log/mcollective-rpcaudit.log");
        file = new AuditFile("plugin.centralrpclog.logfile", Path.of(path), Optional.empty());
        clock = context.clock();
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(1);
    }

    @Override
    public boolean activeByDefault() {
        return false;
    }

    @Override
    public Optional<Object> handle(Request request) {
        if (!(request.body() instanceof Map<?, ?> body)) {
            LOG.warn(
                    "Ignoring audit message {} from {}: its body is not a Hash of audit fields",
                    LogSafe.of(request.requestId()),
                    LogSafe.of(request.senderId()));
            return Optional.empty();
        }
        long time = body.get(RubySymbol.of("time")) instanceof Number n ? n.longValue() : 0;
        StringBuilder line = new StringBuilder(200)
                .append(stamp(clock.instant()))
                .append(' ')
                .append(text(request.senderId()))
                .append("> ")
                .append(field(body, "uniqid"))
                .append(' ')
                .append(stamp(Instant.ofEpochSecond(time)))
                .append(" caller=")
                .append(field(body, "caller"))
                .append('#')
                .append(field(body, "sender"))
                .append(" agent=")
                .append(field(body, "agent"))
                .append(" action=")
                .append(field(body, "action"))
                .append(' ')
                .append(RubyPp.singleLine(body.get(RubySymbol.of("data"))));
        Object outcome = body.get(RubySymbol.of("outcome"));
        if (outcome != null && !"allowed".equals(RubyValues.toS(outcome))) {
            line.append(" outcome=").append(text(RubyValues.toS(outcome)));
        }
        file.append(line.toString());
        return Optional.empty();
    }

    private static String stamp(Instant instant) {
        return STAMP.format(instant.atZone(ZoneId.systemDefault()));
    }

    private static String field(Map<?, ?> body, String key) {
        return text(RubyValues.toS(body.get(RubySymbol.of(key))));
    }

    private static String text(String value) {
        return LogSafe.controlsEscaped(value);
    }
}
