package mcollective.plugins.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import mcollective.McollectiveException;
import mcollective.protocol.codec.Json;
import mcollective.protocol.codec.RubyJson;
import mcollective.spi.AuditProvider;
import mcollective.spi.AuditRecord;
import mcollective.spi.PluginContext;

/**
 * Choria's JSON audit log (go-choria {@code providers/agent/mcorpc/audit}): one JSON object per line in
 * {@code plugin.rpcaudit.logfile}, a new file created with mode 0600, keys {@code timestamp} (UTC, microseconds),
 * {@code request_id}, {@code request_time}, {@code caller}, {@code sender}, {@code agent}, {@code action},
 * {@code data}, and, beyond Choria's, {@code outcome} ({@code allowed}, {@code denied}, {@code invalid},
 * {@code error}).
 */
public final class ChoriaAuditProvider implements AuditProvider {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxx");
    private static final ObjectMapper JSON = Json.mapper();

    private AuditFile file;
    private Clock clock;

    @Override
    public String name() {
        return "choria";
    }

    @Override
    public void init(PluginContext context) {
        String path = context.config()
                .plugin("rpcaudit")
                .get("logfile")
                .orElseThrow(() -> new McollectiveException(
                        "rpcauditprovider = choria needs " + LogfileAuditProvider.KEY + " (the JSON audit log)"));
        file = new AuditFile(LogfileAuditProvider.KEY, Path.of(path), Optional.of("rw-------"));
        clock = context.clock();
    }

    @Override
    public void audit(AuditRecord record) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", STAMP.format(clock.instant().atOffset(ZoneOffset.UTC)));
        line.put("request_id", record.requestId());
        line.put("request_time", record.requestTime());
        line.put("caller", record.callerId());
        line.put("sender", record.senderId());
        line.put("agent", record.agent());
        line.put("action", record.action());
        line.put("data", RubyJson.plain(record.data().orElse(null)));
        line.put("outcome", record.outcome().text());
        try {
            file.append(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new McollectiveException("the request data cannot be written as JSON: " + e.getOriginalMessage());
        }
    }
}
