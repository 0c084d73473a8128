package mcollective.spi.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import mcollective.config.Config;
import mcollective.ddl.DdlLoader;
import mcollective.plugin.PluginRegistry;
import mcollective.protocol.Filter;
import mcollective.protocol.Request;
import mcollective.protocol.codec.RubySymbol;
import mcollective.rpc.RpcException;
import mcollective.rpc.RpcRequest;
import mcollective.rpc.RpcStatus;
import mcollective.spi.AuditOutcome;
import mcollective.spi.AuditProvider;
import mcollective.spi.AuditRecord;
import mcollective.spi.PluginContext;
import mcollective.spi.Validator;

/** RpcAgent audits each request once, before its action runs, or when it is refused before that, with the outcome. */
class RpcAgentAuditTest {
    /** Remembers what it was given, and what had run by then. */
    static final class Recording implements AuditProvider {
        final List<AuditRecord> records = new CopyOnWriteArrayList<>();
        final List<Integer> runsSeen = new CopyOnWriteArrayList<>();
        boolean broken;

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void audit(AuditRecord record) {
            if (broken) {
                throw new IllegalStateException("the audit disk is full");
            }
            records.add(record);
            runsSeen.add(Agent.runs);
        }
    }

    /** A validator that denies, as the authorization hook will: an RpcException with statuscode 1. */
    public static final class Denier implements Validator {
        @Override
        public String name() {
            return "denier";
        }

        @Override
        public void validate(Object value, Object argument) {
            if ("intruder".equals(value)) {
                throw RpcException.aborted("You are not authorized to call this agent or action.");
            }
        }
    }

    static final class Agent extends RpcAgent {
        static volatile int runs;

        Agent() {
            action("echo", (request, reply) -> {
                runs++;
                reply.put("message", request.require("message"));
            });
            action("crash", (request, reply) -> {
                runs++;
                throw new IllegalStateException("boom");
            });
        }

        @Override
        public String name() {
            return "echo";
        }
    }

    @TempDir
    Path libdir;

    final Recording audit = new Recording();

    Agent agent() throws IOException {
        Agent.runs = 0;
        Path ddl = libdir.resolve("mcollective/agent/echo.ddl");
        Files.createDirectories(ddl.getParent());
        Files.writeString(ddl, """
                metadata :name => "echo", :description => "Echoes", :author => "a", :license => "ASL 2.0",
                         :version => "1.0", :url => "https://example.net/", :timeout => 5

                action "echo", :description => "Echo a message" do
                    input :message, :prompt => "Message", :description => "What to echo", :type => :string,
                          :validation => '^[a-z]+$', :optional => false, :maxlength => 20
                    input :who, :prompt => "Who", :description => "Who asks", :type => :string,
                          :validation => :denier, :optional => true, :maxlength => 20
                    output :message, :description => "The message", :display_as => "Message"
                end

                action "crash", :description => "Fails" do
                end
                """);
        PluginRegistry registry = PluginRegistry.builder()
                .autoDiscover(false)
                .add(Validator.class, Denier::new)
                .build();
        Agent agent = new Agent();
        agent.init(new PluginContext(
                Config.builder().environment(Map.of()).build(),
                "echo",
                registry,
                Clock.systemUTC(),
                Map.of(),
                Map.of(DdlLoader.class, new DdlLoader(List.of(libdir)), AuditProvider.class, audit)));
        return agent;
    }

    static Request request(String action, Map<String, Object> data) {
        return new Request(
                "0123",
                "client.example.net",
                "uid=500",
                "echo",
                "mcollective",
                Filter.empty(),
                60,
                1_700_000_000L,
                RpcRequest.toRuby("echo", action, "uid=500", data));
    }

    @Test
    void shouldAuditAnAllowedRequestBeforeItsActionRunsWithTheDataAsItCame() throws IOException {
        agent().handle(request("echo", Map.of("message", "hello")));

        assertThat(audit.records)
                .singleElement()
                .isEqualTo(new AuditRecord(
                        "0123",
                        1_700_000_000L,
                        "uid=500",
                        "client.example.net",
                        "echo",
                        "echo",
                        Optional.of(Map.of(RubySymbol.of("message"), "hello")),
                        AuditOutcome.ALLOWED));
        assertThat(audit.runsSeen).containsExactly(0);
        assertThat(Agent.runs).isEqualTo(1);
    }

    @Test
    void shouldAuditARequestTheDdlRefusesAsInvalidAndNotRunIt() throws IOException {
        agent().handle(request("echo", Map.of("message", "NOT LOWER")));

        assertThat(audit.records)
                .singleElement()
                .extracting(AuditRecord::outcome)
                .isEqualTo(AuditOutcome.INVALID);
        assertThat(Agent.runs).isZero();
    }

    @Test
    void shouldAuditAnUnknownActionAsInvalid() throws IOException {
        agent().handle(request("nosuch", Map.of()));

        assertThat(audit.records)
                .singleElement()
                .extracting(AuditRecord::outcome)
                .isEqualTo(AuditOutcome.INVALID);
    }

    @Test
    void shouldAuditADenialThrownBeforeTheActionAsDeniedAndAnswerStatusOne() throws IOException {
        Object reply = agent().handle(request("echo", Map.of("message", "hello", "who", "intruder")))
                .orElseThrow();

        assertThat(audit.records)
                .singleElement()
                .extracting(AuditRecord::outcome)
                .isEqualTo(AuditOutcome.DENIED);
        assertThat(((Map<?, ?>) reply).get(RubySymbol.of("statuscode"))).isEqualTo(1L);
        assertThat(Agent.runs).isZero();
    }

    @Test
    void shouldAuditAnActionThatFailsOnceAsAllowed() throws IOException {
        Object reply = agent().handle(request("crash", Map.of())).orElseThrow();

        assertThat(audit.records)
                .singleElement()
                .extracting(AuditRecord::outcome)
                .isEqualTo(AuditOutcome.ALLOWED);
        assertThat(((Map<?, ?>) reply).get(RubySymbol.of("statuscode")))
                .isEqualTo((long) RpcStatus.UNKNOWN_ERROR.code());
    }

    @Test
    void shouldLogAFailedAuditAndRunTheRequestAnyway() throws IOException {
        Agent agent = agent();
        audit.broken = true;

        Logger logger = (Logger) LoggerFactory.getLogger(RpcAgent.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            Object reply =
                    agent.handle(request("echo", Map.of("message", "hello"))).orElseThrow();

            assertThat(((Map<?, ?>) reply).get(RubySymbol.of("statuscode"))).isEqualTo(0L);
            assertThat(log.list)
                    .extracting(e -> e.getLevel() + " " + e.getFormattedMessage())
                    .containsExactly("WARN Audit failed - the audit disk is full - continuing to process message");
        } finally {
            logger.detachAppender(log);
        }
        assertThat(Agent.runs).isEqualTo(1);
    }
}
