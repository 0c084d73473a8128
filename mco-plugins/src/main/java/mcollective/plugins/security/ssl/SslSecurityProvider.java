package mcollective.plugins.security.ssl;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;
import mcollective.SecurityValidationFailedException;
import mcollective.config.Config;
import mcollective.logging.LogSafe;
import mcollective.plugin.PluginRegistry;
import mcollective.protocol.Reply;
import mcollective.protocol.Request;
import mcollective.protocol.codec.RubySymbol;
import mcollective.spi.PluginContext;
import mcollective.spi.Role;
import mcollective.spi.SecurityProvider;
import mcollective.spi.support.SecurityEnvelope;

/**
 * Port of {@code lib/mcollective/security/ssl.rb}: the envelope of security/base.rb with a {@code :hash} that is the
 * RSA/SHA-1 signature of the serialised {@code :body} (reference/PROTOCOL.md §7). Clients sign requests with their own
 * key and verify every reply with the one server public key; nodes sign replies (and their own requests) with the
 * shared server key and verify a request with {@code <plugin.ssl_client_cert_dir>/NAME.pem} for callerid
 * {@code cert=NAME}. A request's body is wrapped in {@code {:ssl_msg, :ssl_ttl, :ssl_msgtime}} so that the signature
 * covers the TTL and the message time; a node refuses a request whose signed values differ from the envelope's.
 */
public final class SslSecurityProvider implements SecurityProvider {
    private static final Logger LOG = LoggerFactory.getLogger(SslSecurityProvider.class);
    static final RubySymbol SSL_MSG = RubySymbol.of("ssl_msg");
    static final RubySymbol SSL_TTL = RubySymbol.of("ssl_ttl");
    static final RubySymbol SSL_MSGTIME = RubySymbol.of("ssl_msgtime");

    private Role role;
    private SslKeys keys;
    private SecurityEnvelope envelope;
    /** {@code plugin.ssl.enforce_ttl}: null (unset), "0" (warn only) or anything else (enforce). */
    private String enforceTtl;

    @Override
    public String name() {
        return "ssl";
    }

    @Override
    public void init(PluginContext context) {
        Map<String, String> settings = context.config().pluginSettings();
        this.role = context.service(Role.class).orElse(Role.CLIENT);
        this.keys = SslKeys.read(role, settings, context.env());
        this.enforceTtl = settings.get("ssl.enforce_ttl");
        ClientKeys clients = keys.clientCertDir().map(ClientKeys::new).orElse(null);
        RsaSha1Seal seal = new RsaSha1Seal(
                keys.signing(),
                received -> clients == null
                        ? keys.serverPublic().orElseThrow()
                        : clients.forCaller(received.string(SecurityEnvelope.CALLERID)));
        this.envelope = new SecurityEnvelope(seal, serializer(settings.get("ssl_serializer")));
    }

    /**
     * A node-side provider reading its keys from {@code keyDirectory} laid out as the reference fleet's
     * ({@code server-private.pem}, {@code server-public.pem}, {@code clients/NAME.pem}), for benchmarks and tools.
     */
    public static SslSecurityProvider forNode(Path keyDirectory) {
        Config config = Config.builder()
                .set("identity", "bench.example.net")
                .set("securityprovider", "ssl")
                .set(
                        "plugin.ssl_server_private",
                        keyDirectory.resolve("server-private.pem").toString())
                .set(
                        "plugin.ssl_server_public",
                        keyDirectory.resolve("server-public.pem").toString())
                .set(
                        "plugin.ssl_client_cert_dir",
                        keyDirectory.resolve("clients").toString())
                .environment(Map.of())
                .build();
        SslSecurityProvider provider = new SslSecurityProvider();
        provider.init(new PluginContext(
                config,
                "ssl",
                PluginRegistry.builder().autoDiscover(false).build(),
                Clock.systemUTC(),
                Map.of(),
                Map.of(Role.class, Role.NODE)));
        return provider;
    }

    private static SecurityEnvelope.Serializer serializer(String name) {
        if (name == null || name.equals("marshal")) {
            return SecurityEnvelope.Serializer.MARSHAL;
        }
        if (name.equals("yaml")) {
            return RubyYaml.SERIALIZER;
        }
        throw new McollectiveException("plugin.ssl_serializer = '" + name + "': use marshal or yaml");
    }

    @Override
    public String callerId() {
        return keys.callerId()
                .orElseThrow(() -> new McollectiveException(
                        "No plugin.ssl_server_public configuration option specified (a node's callerid is its name)"));
    }

    @Override
    public byte[] encodeRequest(Request request) {
        Map<Object, Object> wrapped = new LinkedHashMap<>();
        wrapped.put(SSL_MSG, request.body());
        wrapped.put(SSL_TTL, (long) request.ttl());
        wrapped.put(SSL_MSGTIME, request.msgtime());
        return envelope.encodeRequest(new Request(
                request.requestId(),
                request.senderId(),
                request.callerId(),
                request.agent(),
                request.collective(),
                request.filter(),
                request.ttl(),
                request.msgtime(),
                wrapped));
    }

    /** Verifies, then (on a node) checks and unwraps the signed TTL and message time, as ssl.rb's decodemsg. */
    @Override
    public Request decodeRequest(byte[] payload) {
        Request request = envelope.decodeRequest(payload);
        if (role == Role.CLIENT) {
            return request;
        }
        if (!(request.body() instanceof Map<?, ?> body)) {
            if (enforceTtl != null) {
                throw new SecurityValidationFailedException(
                        "Message " + describe(request) + " is in an unknown or older security protocol, ignoring");
            }
            return request;
        }
        long ttl = secure(request, body, SSL_TTL, request.ttl(), "TTL");
        long msgtime = secure(request, body, SSL_MSGTIME, request.msgtime(), "Message Time");
        Object inner = body.containsKey(SSL_MSG) ? body.get(SSL_MSG) : withoutSecure(body);
        if (inner == null) {
            throw new SecurityValidationFailedException("Message " + describe(request) + " has a nil :ssl_msg");
        }
        return new Request(
                request.requestId(),
                request.senderId(),
                request.callerId(),
                request.agent(),
                request.collective(),
                request.filter(),
                (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, ttl)),
                msgtime,
                inner);
    }

    /**
     * {@code update_secure_property}: the signed value must be there and equal the envelope's, else the request is
     * refused ("possible tampering"), or only logged with {@code plugin.ssl.enforce_ttl = 0}; the signed value wins.
     */
    private long secure(Request request, Map<?, ?> body, RubySymbol key, long plain, String description) {
        Object signed = body.get(key);
        String problem = null;
        if (!body.containsKey(key)) {
            problem = "Request " + describe(request) + " does not have a secure " + description;
        } else if (!(signed instanceof Long value) || value != plain) {
            problem = "Request " + describe(request) + " " + description + " does not match encrypted " + description
                    + " - possible tampering";
        }
        if (problem != null) {
            if (!"0".equals(enforceTtl)) {
                throw new SecurityValidationFailedException(problem);
            }
            LOG.warn("{}", LogSafe.of(problem));
        }
        return signed instanceof Long value ? value : plain;
    }

    /** A Hash body without {@code :ssl_msg} (only with enforce_ttl = 0): what is left once the secure keys go. */
    private static Map<Object, Object> withoutSecure(Map<?, ?> body) {
        Map<Object, Object> rest = new LinkedHashMap<>(body);
        rest.remove(SSL_TTL);
        rest.remove(SSL_MSGTIME);
        return rest;
    }

    private static String describe(Request request) {
        return request.requestId() + " from " + request.callerId() + "@" + request.senderId();
    }

    @Override
    public byte[] encodeReply(Reply reply) {
        return envelope.encodeReply(reply);
    }

    @Override
    public Reply decodeReply(byte[] payload) {
        return envelope.decodeReply(payload);
    }
}
