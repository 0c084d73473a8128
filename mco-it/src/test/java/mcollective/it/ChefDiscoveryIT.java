package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;


import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * {@code --dm chef} against a Chef search API served in the test: it verifies every request's signature with the
 * client's public key (401 otherwise, as a real server does), pages by {@code start}/{@code rows}, and records the
 * queries. Two of the three Chef nodes run as Java nodes, so the third shows up under {@code No response from:}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChefDiscoveryIT {
    @TempDir
    static Path dir;
    JavaFleet fleet;
    HttpServer chef;
    KeyPair key;
    final List<String> queries = new CopyOnWriteArrayList<>();
    final List<String> chefNodes = new ArrayList<>(List.of("web1.example.net", "web2.example.net",
            "db1.example.net"));
    String cfg;

    @BeforeAll
    void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = generator.generateKeyPair();
        Path pem = dir.resolve("mco-discovery.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        chef = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        chef.createContext("/organizations/acme/search/node", this::search);
        chef.start();
        fleet = new JavaFleet(dir);
        fleet.startNode("web1.example.net", Map.of("chef_environment", "prod"), List.of("role.web"),
                List.of("mcollective"));
        fleet.startNode("web2.example.net", Map.of("chef_environment", "dev"), List.of("role.web"),
                List.of("mcollective"));
        Path knife = Files.writeString(dir.resolve("knife.rb"), "node_name \"mco-discovery\"\n"
                + "client_key \"#{current_dir}/mco-discovery.pem\"\n"
                + "chef_server_url \"http://127.0.0.1:" + chef.getAddress().getPort() + "/organizations/acme/\"\n");
        cfg = fleet.clientConfig("client.cfg", "plugin.chef.knife_config = " + knife).toString();
    }

    @AfterAll
    void stop() {
        chef.stop(0);
        fleet.close();
    }

    private void search(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        if (!signed(exchange)) {
            reply(exchange, 401, Map.of("error", List.of("Failed to authenticate as mco-discovery")));
            return;
        }
        queries.add(params.get("q"));
        if (params.get("q").contains("recipe:foo::bar")) {
            reply(exchange, 400, Map.of("error", List.of("invalid search query: 'recipe:foo::bar'")));
            return;
        }
        List<String> matching = params.get("q").equals("*:*") ? chefNodes
                : chefNodes.stream().filter(n -> !params.get("q").contains("role:web") || n.startsWith("web")).toList();
        int begin = Integer.parseInt(params.get("start"));
        int rows = Integer.parseInt(params.get("rows"));
        List<Object> page = new ArrayList<>();
        for (String name : matching.subList(Math.min(begin, matching.size()), Math.min(begin + rows, matching.size()))) {
            page.add(Map.of("name", name, "chef_type", "node", "automatic", Map.of("fqdn", "fqdn-" + name)));
        }
        reply(exchange, 200, Map.of("rows", page, "start", begin, "total", matching.size()));
    }

    /** Protocol 1.3, as the client signs by default: SHA256withRSA over the canonical string. */
    private boolean signed(HttpExchange exchange) {
        try {
            var headers = exchange.getRequestHeaders();
            StringBuilder signature = new StringBuilder();
            for (int i = 1; headers.containsKey("X-ops-authorization-" + i); i++) {
                signature.append(headers.getFirst("X-ops-authorization-" + i));
            }
            String toSign = String.join("\n", "Method:GET", "Path:" + exchange.getRequestURI().getRawPath(),
                    "X-Ops-Content-Hash:" + headers.getFirst("X-ops-content-hash"), "X-Ops-Sign:version=1.3",
                    "X-Ops-Timestamp:" + headers.getFirst("X-ops-timestamp"),
                    "X-Ops-UserId:" + headers.getFirst("X-ops-userid"),
                    "X-Ops-Server-API-Version:" + headers.getFirst("X-ops-server-api-version"));
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key.getPublic());
            verifier.update(toSign.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature.toString()));
        } catch (Exception e) {
            return false;
        }
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = new ObjectMapper().writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void shouldFindTheNodesChefKnowsWithASignedSearch() {
        McoRun run = McoRun.run("find", "-c", cfg, "--dm", "chef", "-C", "role[web]");

        assertThat(run.err()).isEmpty();
        assertThat(run.lines()).containsExactly("web1.example.net", "web2.example.net");
        assertThat(queries).contains("role:web");
    }

    @Test
    void shouldReportChefKnownNodesThatDidNotAnswer() {
        McoRun run = McoRun.run("facts", "chef_environment", "-c", cfg, "--dm", "chef", "-t", "3");

        assertThat(run.out()).contains("Finished processing 2 / 3 hosts").contains("No response from:")
                .contains("db1.example.net");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void shouldReadEveryPage() {
        List<String> saved = new ArrayList<>(chefNodes);
        try {
            for (int i = 0; i < 2500; i++) {
                chefNodes.add(String.format("extra%04d.example.net", i));
            }
            McoRun run = McoRun.run("find", "-c", cfg, "--dm", "chef");
            assertThat(run.lines()).hasSize(2503);
        } finally {
            chefNodes.clear();
            chefNodes.addAll(saved);
        }
    }

    @Test
    void shouldExplainARefusedKeyAndABadQueryInOneLine() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Path wrong = dir.resolve("wrong.pem");
        Files.writeString(wrong, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        String wrongCfg = fleet.clientConfig("wrong.cfg", "plugin.chef.knife_config = " + dir.resolve("knife.rb"),
                "plugin.chef.client_key = " + wrong).toString();

        McoRun refused = McoRun.run("find", "-c", wrongCfg, "--dm", "chef");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("The Chef server refused client 'mco-discovery' with key " + wrong
                + " (HTTP 401): Failed to authenticate as mco-discovery");

        McoRun bad = McoRun.run("find", "-c", cfg, "--dm", "chef", "--do", "recipe:foo::bar");
        assertThat(bad.err()).contains("The Chef server rejected the query '(recipe:foo::bar)': invalid search query");
    }

    @Test
    void shouldUseAnAttributeAsIdentityWhenAsked() {
        String attrCfg = fleet.clientConfig("attr.cfg", "plugin.chef.knife_config = " + dir.resolve("knife.rb"),
                "plugin.chef.identity_attribute = fqdn").toString();

        assertThat(McoRun.run("find", "-c", attrCfg, "--dm", "chef", "-I", "/db/").lines())
                .containsExactly("fqdn-db1.example.net");
    }

}
