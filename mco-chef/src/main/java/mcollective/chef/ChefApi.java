package mcollective.chef;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;
import mcollective.config.PluginConfig;
import mcollective.plugins.pem.PemFiles;
import mcollective.plugins.pem.Trust;
import mcollective.protocol.codec.Json;

/**
 * Signed GETs against the Chef server API for the {@code chef} discovery method and fact source: the client
 * {@link KnifeConfig} names, its key, {@code X-Ops-*} headers from {@link ChefSigner} (protocol
 * {@code plugin.chef.sign_protocol}, default 1.3) and JSON replies. Failures are one-line
 * {@link McollectiveException}s; an HTTP error status is a {@link ChefServerException} carrying the status and the
 * server's own message, for a caller to explain. Thread-safe.
 */
public final class ChefApi {
    private static final Logger LOG = LoggerFactory.getLogger(ChefApi.class);
    private static final ObjectMapper JSON = Json.mapper();
    /** The largest reply accepted: a page of 1,000 whole node documents with their ohai data is about 80 MiB. */
    static final int MAX_REPLY = 256 << 20;

    private final KnifeConfig knife;
    private final ChefSigner signer;
    private final HttpClient http;

    private final int maxReply;

    ChefApi(KnifeConfig knife, ChefSigner signer, HttpClient http) {
        this(knife, signer, http, MAX_REPLY);
    }

    /** @param maxReply the largest reply accepted, in bytes */
    ChefApi(KnifeConfig knife, ChefSigner signer, HttpClient http, int maxReply) {
        this.knife = knife;
        this.signer = signer;
        this.http = http;
        this.maxReply = maxReply;
    }

    /**
     * A client for these settings; reads the client key now.
     *
     * @param plugin the {@code plugin.chef.*} section ({@code sign_protocol})
     * @throws McollectiveException if the key cannot be read or the protocol is unknown
     */
    public static ChefApi connect(KnifeConfig knife, PluginConfig plugin) {
        PrivateKey key;
        try {
            key = PemFiles.privateKey(knife.clientKey());
        } catch (McollectiveException e) {
            throw new McollectiveException(
                    "Cannot use the Chef client key " + knife.clientKey() + ": " + e.getMessage(), e);
        }
        ChefSigner signer = new ChefSigner(
                knife.nodeName(),
                key,
                ChefSigner.Protocol.of(plugin.get("sign_protocol").orElse("1.3")),
                Clock.systemUTC());
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (knife.serverUrl().startsWith("https:")) {
            http.sslContext(sslContext(knife));
        }
        return new ChefApi(knife, signer, http.build());
    }

    /**
     * knife's trust: the JDK's CAs plus {@code ssl_ca_file} and {@code trusted_certs_dir}; or nothing checked for
     * {@code ssl_verify_mode :verify_none}, which also turns off host name checks for the process's HTTP clients.
     */
    private static SSLContext sslContext(KnifeConfig knife) {
        try {
            if (knife.sslVerifyNone()) {
                LOG.warn("ssl_verify_mode :verify_none: the Chef server {} is not authenticated", knife.serverUrl());
                System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
                return Trust.trustingEverything();
            }
            List<X509Certificate> cas = new ArrayList<>();
            for (Path file : knife.trustedCertificateFiles()) {
                cas.addAll(PemFiles.certificates(file));
            }
            return Trust.clientContext(cas);
        } catch (GeneralSecurityException e) {
            throw new McollectiveException(
                    "Cannot set up TLS for the Chef server " + knife.serverUrl() + ": " + e.getMessage(), e);
        }
    }

    /** @return the settings this client uses */
    public KnifeConfig knife() {
        return knife;
    }

    /**
     * @param pathAndQuery below {@code chef_server_url}, e.g. {@code /nodes/web1} or {@code /search/node?q=...}, with
     *                     the query already URL-encoded
     * @return the reply's JSON object (every Chef object and search result is one)
     * @throws ChefServerException on an HTTP error status; 401/403 name the client and key
     * @throws McollectiveException if the server cannot be reached or its reply is not a JSON object
     */
    public Map<?, ?> get(String pathAndQuery) {
        return send("GET", pathAndQuery, new byte[0]);
    }

    /**
     * A signed POST of {@code body} as JSON, as partial search takes it; otherwise as {@link #get}.
     *
     * @param body a value Jackson writes as JSON
     */
    public Map<?, ?> post(String pathAndQuery, Object body) {
        try {
            return send("POST", pathAndQuery, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write a Chef request body: " + e.getMessage(), e);
        }
    }

    /** A signed DELETE (an administrator removing a client or node); otherwise as {@link #get}. */
    public Map<?, ?> delete(String path) {
        return send("DELETE", path, new byte[0]);
    }

    private Map<?, ?> send(String method, String pathAndQuery, byte[] body) {
        URI uri = URI.create(knife.serverUrl() + pathAndQuery);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Accept", "application/json")
                .header("X-Chef-Version", "12.0.0")
                .header("X-Ops-Server-API-Version", "1");
        if (body.length > 0) {
            builder.header("Content-Type", "application/json");
        }
        signer.headers(method, uri.getRawPath(), body, "1").forEach(builder::header);
        HttpResponse<InputStream> response;
        String text;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            text = bounded(response.body(), uri, maxReply);
        } catch (SSLHandshakeException e) {
            throw new McollectiveException(
                    "Cannot verify the Chef server " + knife.serverUrl() + "'s certificate ("
                            + e.getMessage() + "): put its CA in " + knife.trustedCertsDir()
                            + " (knife ssl fetch does) or name it in ssl_ca_file",
                    e);
        } catch (IOException e) {
            throw new McollectiveException("Cannot reach the Chef server " + knife.serverUrl() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new McollectiveException("Interrupted while calling the Chef server " + knife.serverUrl());
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new ChefServerException(
                    status,
                    serverMessage(text),
                    String.format(
                            "The Chef server refused client '%s' with key %s (HTTP %d): %s",
                            knife.nodeName(), knife.clientKey(), status, serverMessage(text)));
        }
        if (status / 100 != 2) {
            throw new ChefServerException(
                    status,
                    serverMessage(text),
                    "The Chef server answered HTTP " + status + " to " + uri + ": " + serverMessage(text));
        }
        try {
            return JSON.readValue(text, Map.class);
        } catch (IOException e) {
            throw new McollectiveException(
                    "The Chef server sent a reply to " + uri + " that is not a JSON object: " + e.getMessage());
        }
    }

    /** A reply read up to {@code max} bytes; a longer one is refused rather than held in memory. */
    private static String bounded(InputStream body, URI uri, int max) throws IOException {
        try (body) {
            byte[] bytes = body.readNBytes(max + 1);
            if (bytes.length > max) {
                throw new McollectiveException("The Chef server's reply to " + uri + " is over " + max
                        + " bytes; refused (partial search, the default, keeps replies small)");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The {@code error} of a Chef error body (joined with {@code ; }), else the body's first 200 characters. */
    static String serverMessage(String body) {
        try {
            Object json = JSON.readValue(body, Object.class);
            if (json instanceof Map<?, ?> map && map.get("error") != null) {
                Object error = map.get("error");
                return error instanceof List<?> list
                        ? String.join("; ", list.stream().map(String::valueOf).toList())
                        : String.valueOf(error);
            }
        } catch (IOException e) {
            // not JSON: show it as it is
        }
        return body.length() > 200 ? body.substring(0, 200) : body;
    }

    /** An HTTP error status from the Chef server, with the server's message. */
    public static final class ChefServerException extends McollectiveException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String serverMessage;

        ChefServerException(int status, String serverMessage, String message) {
            super(message);
            this.status = status;
            this.serverMessage = serverMessage;
        }

        /** @return the HTTP status, e.g. 404 */
        public int status() {
            return status;
        }

        /** @return the server's {@code error} text */
        public String serverMessage() {
            return serverMessage;
        }
    }
}
