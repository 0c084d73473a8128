package mcollective.plugins.audit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import mcollective.McollectiveException;
import mcollective.protocol.Filter;
import mcollective.protocol.Request;
import mcollective.protocol.RequestId;
import mcollective.protocol.codec.RubySymbol;
import mcollective.spi.AuditProvider;
import mcollective.spi.AuditRecord;
import mcollective.spi.Connector;
import mcollective.spi.OutboundRequest;
import mcollective.spi.PluginContext;
import mcollective.spi.SecurityProvider;

/**
 * Port of {@code audit/centralrpclog/audit/centralrpclog.rb} (puppetlabs/mcollective-plugins): each record goes as a
 * request, never answered, to the {@code centralrpclog} agent in {@code plugin.centralrpclog.collective} (default
 * {@code main_collective}), with filter agent {@code centralrpclog}, sealed by the node's security plugin. The body
 * is a Hash of the fields of Ruby's {@code RPC::Request} ({@code :uniqid}, {@code :time}, {@code :caller},
 * {@code :sender}, {@code :agent}, {@code :action}, {@code :data}) and {@code :outcome}; Ruby marshals the
 * {@code RPC::Request} object itself, which a Java node refuses to unmarshal, so the Java auditor and agent pair up
 * with each other only.
 */
public final class CentralrpclogAuditProvider implements AuditProvider {
    static final String AGENT = "centralrpclog";

    private Connector connector;
    private SecurityProvider security;
    private Clock clock;
    private String identity;
    private String collective;
    private int ttl;

    @Override
    public String name() {
        return AGENT;
    }

    @Override
    public void init(PluginContext context) {
        connector = context.service(Connector.class).orElseThrow(() -> hostless("connector"));
        security = context.service(SecurityProvider.class).orElseThrow(() -> hostless("security provider"));
        clock = context.clock();
        identity = context.config().identity();
        collective =
                context.pluginConfig().get("collective").orElse(context.config().mainCollective());
        ttl = context.config().ttl();
    }

    private static McollectiveException hostless(String what) {
        return new McollectiveException("rpcauditprovider = centralrpclog runs on a node: it needs the node's " + what);
    }

    @Override
    public void audit(AuditRecord record) {
        Request request = new Request(
                RequestId.next(),
                identity,
                security.callerId(),
                AGENT,
                collective,
                Filter.builder().addAgent(AGENT).build(),
                ttl,
                clock.instant().getEpochSecond(),
                body(record));
        connector.publish(new OutboundRequest(
                AGENT, collective, List.of(), ttl, Optional.empty(), 0, security.encodeRequest(request)));
    }

    static Map<Object, Object> body(AuditRecord record) {
        Map<Object, Object> body = new LinkedHashMap<>();
        body.put(RubySymbol.of("uniqid"), record.requestId());
        body.put(RubySymbol.of("time"), record.requestTime());
        body.put(RubySymbol.of("caller"), record.callerId());
        body.put(RubySymbol.of("sender"), record.senderId());
        body.put(RubySymbol.of("agent"), record.agent());
        body.put(RubySymbol.of("action"), record.action());
        body.put(RubySymbol.of("data"), record.data().orElse(null));
        body.put(RubySymbol.of("outcome"), record.outcome().text());
        return body;
    }
}
