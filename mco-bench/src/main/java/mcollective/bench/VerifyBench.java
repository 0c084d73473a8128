package mcollective.bench;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import mcollective.config.Config;
import mcollective.config.ConfigBuilder;
import mcollective.plugin.PluginRegistry;
import mcollective.protocol.Filter;
import mcollective.protocol.Request;
import mcollective.rpc.RpcRequest;
import mcollective.spi.PluginContext;
import mcollective.spi.Role;
import mcollective.spi.SecurityProvider;

/**
 * Requests verified per second by a node, per security provider, on one thread: the payload a client made for
 * {@code rpcutil ping} is decoded and checked again and again, as {@code mcollectived} does for every request it
 * receives before its callerid, TTL and filter checks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class VerifyBench {
    /** The provider; {@link BenchSecurity} knows how to set each one up. */
    @Param({"psk", "ssl", "aes_security", "x509"})
    public String provider;

    private BenchSecurity security;
    private SecurityProvider node;
    private byte[] payload;

    @Setup
    public void setUp() {
        security = BenchSecurity.forName(provider);
        SecurityProvider client = create(Role.CLIENT, security.clientSettings());
        node = create(Role.NODE, security.serverSettings());
        long now = Clock.systemUTC().instant().getEpochSecond();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("process_results", true);
        Request request = new Request(
                "0123456789abcdef0123456789abcdef",
                "client.example.net",
                client.callerId(),
                "rpcutil",
                "mcollective",
                Filter.empty().withAgent("rpcutil"),
                60,
                now,
                RpcRequest.toRuby("rpcutil", "ping", client.callerId(), data));
        payload = client.encodeRequest(request);
        node.decodeRequest(payload); // fails the run at once if the two sides disagree
    }

    @TearDown
    public void tearDown() {
        security.close();
    }

    @Benchmark
    public Request verify() {
        return node.decodeRequest(payload);
    }

    private SecurityProvider create(Role role, Map<String, String> settings) {
        ConfigBuilder config =
                Config.builder().set("identity", "bench.example.net").environment(Map.of());
        settings.forEach(config::set);
        Config built = config.build();
        PluginRegistry registry = PluginRegistry.builder().build();
        PluginContext context =
                new PluginContext(built, "bench", registry, Clock.systemUTC(), Map.of(), Map.of(Role.class, role));
        return registry.create(SecurityProvider.class, built.securityProvider(), context);
    }
}
