package mcollective.plugins.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mcollective.McollectiveException;
import mcollective.config.Config;
import mcollective.plugin.PluginRegistry;
import mcollective.plugins.agent.CentralrpclogAgent;
import mcollective.protocol.Filter;
import mcollective.protocol.Request;
import mcollective.protocol.codec.RubySymbol;
import mcollective.spi.AuditOutcome;
import mcollective.spi.AuditProvider;
import mcollective.spi.AuditRecord;
import mcollective.spi.Connector;
import mcollective.spi.PluginContext;
import mcollective.spi.SecurityProvider;
import mcollective.testkit.InMemoryConnector;
import mcollective.testkit.MutableClock;

/** The logfile, choria and centralrpclog audit plugins write what their Ruby and Go originals write. */
class AuditProvidersTest {
    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(); // 2026-01-01T00:00:00Z

    static Map<Object, Object> data() {
        Map<Object, Object> data = new LinkedHashMap<>();
        data.put(RubySymbol.of("process_results"), true);
        data.put(RubySymbol.of("note"), "two\nlines");
        data.put("count", 3L);
        return data;
    }

    static AuditRecord record(AuditOutcome outcome) {
        return new AuditRecord(
                "30d706be63e555db8c073ec17a23af44",
                1_481_617_954L,
                "choria=rip.mcollective",
                "dev3.example.net",
                "rpcutil",
                "ping",
                Optional.of(data()),
                outcome);
    }

    PluginContext context(String... settings) {
        var builder = Config.builder();
        for (int i = 0; i < settings.length; i += 2) {
            builder.set(settings[i], settings[i + 1]);
        }
        return new PluginContext(
                builder.environment(Map.of()).build(),
                "node",
                PluginRegistry.builder().autoDiscover(false).build(),
                clock,
                Map.of(),
                Map.of());
    }

    @Test
    void shouldPrettyPrintDataAsRuby31Does() {
        Map<Object, Object> data = new LinkedHashMap<>();
        data.put(RubySymbol.of("a"), "x\ny");
        List<Object> list = new ArrayList<>(List.of(1L, 2.5));
        list.add(null);
        list.add(true);
        data.put(RubySymbol.of("b"), list);
        data.put("c", Map.of(RubySymbol.of("d"), false));
        data.put(RubySymbol.of("e"), RubySymbol.of("sym"));
        data.put(RubySymbol.of("f"), "tab\there");
        data.put(RubySymbol.of("g"), "end\n");
        data.put(RubySymbol.of("h"), "two\nlines\n");
        data.put(RubySymbol.of("i"), "#{x}");
        data.put(RubySymbol.of("j"), "");
        List<Object> cyclic = new ArrayList<>(List.of(1L));
        cyclic.add(cyclic);

        // ruby -rpp -e 'puts({...}.pretty_print_inspect)' (Ruby 3.1)
        assertThat(RubyPp.singleLine(data))
                .isEqualTo("{:a=>\"x\\n\" + \"y\", :b=>[1, 2.5, nil, true], \"c\"=>{:d=>false}, :e=>:sym, "
                        + ":f=>\"tab\\there\", :g=>\"end\\n\", :h=>\"two\\n\" + \"lines\\n\", :i=>\"\\#{x}\", "
                        + ":j=>\"\"}");
        assertThat(RubyPp.singleLine(cyclic)).isEqualTo("[1, [...]]");
        assertThat(RubyPp.singleLine(Map.of())).isEqualTo("{}");
    }

    @Test
    void shouldWriteRubysLogfileLine() throws IOException {
        Path log = dir.resolve("audit.log");
        AuditProvider logfile = new LogfileAuditProvider();
        logfile.init(context("plugin.rpcaudit.logfile", log.toString()));

        logfile.audit(record(AuditOutcome.ALLOWED));
        logfile.audit(record(AuditOutcome.DENIED));

        assertThat(Files.readAllLines(log))
                .containsExactly(
                        "[2026-01-01 00:00:00 UTC] reqid=30d706be63e555db8c073ec17a23af44: reqtime=1481617954 "
                                + "caller=choria=rip.mcollective@dev3.example.net agent=rpcutil action=ping "
                                + "data={:process_results=>true, :note=>\"two\\n\" + \"lines\", \"count\"=>3}",
                        "[2026-01-01 00:00:00 UTC] reqid=30d706be63e555db8c073ec17a23af44: reqtime=1481617954 "
                                + "caller=choria=rip.mcollective@dev3.example.net agent=rpcutil action=ping "
                                + "data={:process_results=>true, :note=>\"two\\n\" + \"lines\", \"count\"=>3} "
                                + "outcome=denied");
    }

    @Test
    void shouldNotLetAnActionNameForgeALogfileLine() throws IOException {
        Path log = dir.resolve("audit.log");
        AuditProvider logfile = new LogfileAuditProvider();
        logfile.init(context("plugin.rpcaudit.logfile", log.toString()));

        logfile.audit(new AuditRecord(
                "1",
                0,
                "uid=0",
                "evil\n[2026-01-01 00:00:00 UTC] reqid=2",
                "rpcutil",
                "x",
                Optional.empty(),
                AuditOutcome.INVALID));

        assertThat(Files.readAllLines(log))
                .singleElement()
                .asString()
                .contains("caller=uid=0@evil\\n[2026-01-01")
                .endsWith("data=nil outcome=invalid");
    }

    @Test
    void shouldNameTheSettingAndFileWhenTheLogCannotBeWritten() {
        AuditProvider logfile = new LogfileAuditProvider();
        logfile.init(context(
                "plugin.rpcaudit.logfile", dir.resolve("no/such/dir/audit.log").toString()));

        assertThatThrownBy(() -> logfile.audit(record(AuditOutcome.ALLOWED)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("plugin.rpcaudit.logfile '" + dir.resolve("no/such/dir/audit.log")
                        + "' cannot be written: NoSuchFileException");
    }

    @Test
    void shouldWriteChoriasJsonLinesToAFileOnlyTheNodeCanRead() throws IOException {
        Path log = dir.resolve("choria.log");
        AuditProvider choria = new ChoriaAuditProvider();
        choria.init(context("plugin.rpcaudit.logfile", log.toString()));

        choria.audit(record(AuditOutcome.ALLOWED));

        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = new ObjectMapper().readValue(lines.get(0), Map.class);
        assertThat(json.keySet())
                .containsExactly(
                        "timestamp",
                        "request_id",
                        "request_time",
                        "caller",
                        "sender",
                        "agent",
                        "action",
                        "data",
                        "outcome");
        assertThat(json.get("timestamp")).isEqualTo("2026-01-01T00:00:00.000000+0000");
        assertThat(json.get("request_time")).isEqualTo(1481617954);
        assertThat(json.get("data")).isEqualTo(Map.of("process_results", true, "note", "two\nlines", "count", 3));
        assertThat(json.get("outcome")).isEqualTo("allowed");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log)))
                .isEqualTo("rw-------");
    }

    @Test
    void shouldRefuseChoriaWithoutALogfile() {
        assertThatThrownBy(() -> new ChoriaAuditProvider().init(context()))
                .isInstanceOf(McollectiveException.class)
                .hasMessage("rpcauditprovider = choria needs plugin.rpcaudit.logfile (the JSON audit log)");
    }

    @Test
    void shouldSendARecordToTheCentralrpclogAgentWhichAppendsRubysLine() throws IOException {
        InMemoryConnector connector = new InMemoryConnector();
        PluginContext base = context("identity", "node1.example.net", "plugin.psk", "audit-psk");
        PluginRegistry registry = PluginRegistry.builder().build();
        SecurityProvider psk = registry.create(SecurityProvider.class, "psk", base);
        AuditProvider auditor = new CentralrpclogAuditProvider();
        auditor.init(new PluginContext(
                base.config(),
                "centralrpclog",
                registry,
                clock,
                Map.of(),
                Map.of(Connector.class, connector, SecurityProvider.class, psk)));

        auditor.audit(record(AuditOutcome.DENIED));

        assertThat(connector.requests()).singleElement().satisfies(sent -> {
            assertThat(sent.agent()).isEqualTo("centralrpclog");
            assertThat(sent.collective()).isEqualTo("mcollective");
        });
        Request received = psk.decodeRequest(connector.requests().get(0).payload());
        assertThat(received.filter())
                .isEqualTo(Filter.builder().addAgent("centralrpclog").build());
        assertThat(received.senderId()).isEqualTo("node1.example.net");

        Path log = dir.resolve("central.log");
        CentralrpclogAgent agent = new CentralrpclogAgent();
        agent.init(context("plugin.centralrpclog.logfile", log.toString()).forPlugin("centralrpclog"));
        assertThat(agent.handle(received)).isEmpty();

        DateTimeFormatter local = DateTimeFormatter.ofPattern("MM/dd/yy HH:mm:ss");
        String now = local.format(clock.instant().atZone(ZoneId.systemDefault()));
        String requested =
                local.format(ZonedDateTime.ofInstant(Instant.ofEpochSecond(1_481_617_954L), ZoneId.systemDefault()));
        assertThat(Files.readAllLines(log))
                .containsExactly(now + " node1.example.net> 30d706be63e555db8c073ec17a23af44 " + requested
                        + " caller=choria=rip.mcollective#dev3.example.net agent=rpcutil action=ping "
                        + "{:process_results=>true, :note=>\"two\\n\" + \"lines\", \"count\"=>3} outcome=denied");
    }
}
