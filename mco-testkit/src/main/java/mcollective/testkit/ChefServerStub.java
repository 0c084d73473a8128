package mcollective.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import mcollective.protocol.codec.Json;

/**
 * A Chef server API stand-in on 127.0.0.1 (ephemeral port) under a URL prefix such as {@code /organizations/acme}.
 * Like a real server it checks every request's Mixlib signature (protocol 1.3: {@code SHA256withRSA} over the
 * canonical string, content hash included) against the public half of {@link #writeClientKey its client key} and
 * answers {@code 401 {"error":["Failed to authenticate as <userid>"]}} otherwise. It serves whatever
 * {@link #route routes} a test adds, then node documents at {@code /nodes/<name>} (404 {@code Cannot load node
 * <name>} for others). Thread-safe.
 */
public final class ChefServerStub implements AutoCloseable {
    /** The node {@code ci.nat0.cryptocracy.com} exactly as a Chef server stores it (reference/CHEF.md's fleet). */
    public static final String SAMPLE_NODE = "ci.nat0.cryptocracy.com";

    private static final ObjectMapper JSON = Json.mapper();

    /** A reply: HTTP status and a body that is sent as JSON. */
    public record Reply(int status, Object body) {}

    /** Answers a signed request for a path under a route's prefix. */
    @FunctionalInterface
    public interface Route {
        /**
         * @param path  the path below the server prefix, e.g. {@code /search/node}
         * @param query the decoded query parameters
         */
        Reply answer(String path, Map<String, String> query);
    }

    /**
     * A signed request as the server received it.
     *
     * @param method the HTTP method
     * @param path   the path below the server prefix
     * @param query  the decoded query parameters
     * @param body   the request body, empty for a GET
     */
    public record Received(String method, String path, Map<String, String> query, byte[] body) {
        /** The body as UTF-8 text. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Answers any signed request, a POST with its body included, under a route's prefix. */
    @FunctionalInterface
    public interface RequestRoute {
        Reply answer(Received request);
    }

    private final String prefix;
    private final KeyPair key;
    private final HttpServer server;
    private final Map<String, RequestRoute> routes = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> nodes = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private ChefServerStub(String prefix, Optional<SSLContext> tls) throws IOException {
        this.prefix = prefix;
        this.key = newKey();
        if (tls.isPresent()) {
            HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls.get()));
            this.server = https;
        } else {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        server.createContext(prefix.isEmpty() ? "/" : prefix, this::handle);
        server.start();
    }

    /** @param prefix the organisation path, e.g. {@code /organizations/acme}, or empty */
    public static ChefServerStub start(String prefix) {
        try {
            return new ChefServerStub(prefix, Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stand-in serving HTTPS with {@code certs} as its certificate (SAN 127.0.0.1). */
    public static ChefServerStub startTls(String prefix, TestCerts certs) {
        try {
            return new ChefServerStub(prefix, Optional.of(certs.serverContext(List.of())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS for the Chef stand-in", e);
        }
    }

    /** @return the {@code chef_server_url}, e.g. {@code http://127.0.0.1:40123/organizations/acme} */
    public String url() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:"
                + server.getAddress().getPort() + prefix;
    }

    /** Writes the private key this server trusts to {@code pem}, as Chef writes client keys (PKCS#1 PEM). */
    public Path writeClientKey(Path pem) {
        return writePem(pem, key.getPrivate());
    }

    /** Writes a fresh private key this server does not know to {@code pem}. */
    public static Path writeUnknownKey(Path pem) {
        return writePem(pem, newKey().getPrivate());
    }

    /** Serves {@code routeFor} below {@code pathPrefix} (e.g. {@code /search/node}); the longest prefix wins. */
    public ChefServerStub route(String pathPrefix, Route routeFor) {
        routes.put(pathPrefix, request -> routeFor.answer(request.path(), request.query()));
        return this;
    }

    /** Serves {@code routeFor}, which sees the method and body too, below {@code pathPrefix}. */
    public ChefServerStub route(String pathPrefix, RequestRoute routeFor) {
        routes.put(pathPrefix, routeFor);
        return this;
    }

    /** Serves this node document at {@code /nodes/<name>}. */
    public ChefServerStub node(Map<String, Object> document) {
        nodes.put(String.valueOf(document.get("name")), document);
        return this;
    }

    /** Stops serving a node ({@code 404} from now on). */
    public ChefServerStub removeNode(String name) {
        nodes.remove(name);
        return this;
    }

    /** @return the paths (below the prefix, with any query) of the requests whose signature was valid, in order */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** @return the requests whose signature was valid, method and body included, in order */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** @return {@link #SAMPLE_NODE}'s document, a fresh mutable copy */
    public static Map<String, Object> sampleNode() {
        try (InputStream in = ChefServerStub.class.getResourceAsStream("chef/" + SAMPLE_NODE + ".json")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> node = JSON.readValue(in, LinkedHashMap.class);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String userId = exchange.getRequestHeaders().getFirst("X-Ops-Userid");
        if (!signed(exchange, body)) {
            reply(exchange, new Reply(401, Map.of("error", List.of("Failed to authenticate as " + userId))));
            return;
        }
        String path = exchange.getRequestURI().getRawPath().substring(prefix.length());
        String rawQuery = exchange.getRequestURI().getRawQuery();
        requests.add(rawQuery == null ? path : path + "?" + rawQuery);
        Received request = new Received(exchange.getRequestMethod(), path, query(rawQuery), body);
        received.add(request);
        reply(exchange, answer(request));
    }

    /** A route a test added wins; then the node documents; anything else is 404. */
    private Reply answer(Received request) {
        String path = request.path();
        Optional<String> route =
                routes.keySet().stream().filter(path::startsWith).max((a, b) -> a.length() - b.length());
        if (route.isPresent()) {
            return routes.get(route.get()).answer(request);
        }
        if (path.startsWith("/nodes/")) {
            String name = URLDecoder.decode(path.substring("/nodes/".length()), StandardCharsets.UTF_8);
            Map<String, Object> node = nodes.get(name);
            return node == null
                    ? new Reply(404, Map.of("error", List.of("Cannot load node " + name)))
                    : new Reply(200, node);
        }
        return new Reply(404, Map.of("error", List.of("Object not found: " + path)));
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    /** Mixlib::Authentication protocol 1.3, checked independently of the client's signer. */
    private boolean signed(HttpExchange exchange, byte[] body) {
        Headers headers = exchange.getRequestHeaders();
        StringBuilder signature = new StringBuilder();
        for (int i = 1; headers.containsKey("X-Ops-Authorization-" + i); i++) {
            signature.append(headers.getFirst("X-Ops-Authorization-" + i));
        }
        try {
            String contentHash = Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
            if (!contentHash.equals(headers.getFirst("X-Ops-Content-Hash"))
                    || !"algorithm=sha256;version=1.3;".equals(headers.getFirst("X-Ops-Sign"))) {
                return false;
            }
            String apiVersion = headers.getFirst("X-Ops-Server-API-Version");
            String toSign = String.join(
                    "\n",
                    "Method:" + exchange.getRequestMethod(),
                    "Path:" + exchange.getRequestURI().getRawPath(),
                    "X-Ops-Content-Hash:" + contentHash,
                    "X-Ops-Sign:version=1.3",
                    "X-Ops-Timestamp:" + headers.getFirst("X-Ops-Timestamp"),
                    "X-Ops-UserId:" + headers.getFirst("X-Ops-Userid"),
                    "X-Ops-Server-API-Version:" + (apiVersion == null ? "0" : apiVersion));
            return verify(key.getPublic(), toSign, Base64.getDecoder().decode(signature.toString()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean verify(PublicKey publicKey, String toSign, byte[] signature)
            throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(toSign.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(signature);
    }

    private static void reply(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static KeyPair newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is missing from this JVM", e);
        }
    }

    private static Path writePem(Path pem, PrivateKey privateKey) {
        try {
            return Files.writeString(
                    pem,
                    "-----BEGIN RSA PRIVATE KEY-----\n"
                            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                    .encodeToString(TestCerts.pkcs1(privateKey.getEncoded()))
                            + "\n-----END RSA PRIVATE KEY-----\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
