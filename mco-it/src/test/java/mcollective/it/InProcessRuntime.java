package mcollective.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import mcollective.cli.Mco;
import mcollective.cli.Stdin;
import mcollective.config.Config;
import mcollective.config.ConfigParser;
import mcollective.plugin.PluginRegistry;
import mcollective.server.Node;
import mcollective.spi.PluginContext;
import mcollective.spi.Role;
import mcollective.spi.SecurityProvider;
import mcollective.testkit.McoResult;
import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.InProcessJava;

/**
 * The Java node and the Java {@code mco} in the test JVM, for the fleets of {@code @WithFleet}: the one file of the
 * integration tests that builds the server's and the client's objects, from the config files the fleet wrote.
 */
public final class InProcessRuntime implements InProcessJava {
    @Override
    public InProcessJava.StartedNode startNode(Path serverConfig) {
        Node node = new Node(new ConfigParser(Map.of()).parse(serverConfig), PluginRegistry.discover());
        node.start();
        return new InProcessJava.StartedNode() {
            @Override
            public long stat(String counter) {
                return node.stats().get(counter);
            }

            @Override
            public void stop() {
                node.stop();
            }
        };
    }

    @Override
    public McoResult mco(Optional<String> stdin, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintWriter o = new PrintWriter(out, true, StandardCharsets.UTF_8);
                PrintWriter e = new PrintWriter(err, true, StandardCharsets.UTF_8)) {
            byte[] piped = stdin.orElse("").getBytes(StandardCharsets.UTF_8);
            code = new Mco(PluginRegistry.discover(), new Stdin(new ByteArrayInputStream(piped), false), Map.of())
                    .commandLine()
                    .setOut(o)
                    .setErr(e)
                    .execute(args.toArray(String[]::new));
        }
        return new McoResult(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * The psk security provider of a client of {@code fleet} (identity {@code identity}) whose key is {@code psk}:
     * for tests that encode and decode requests and replies themselves.
     */
    static SecurityProvider psk(Fleet fleet, String identity, String psk) {
        return security(fleet, identity, "plugin.psk = " + psk);
    }

    /**
     * The security provider a client of {@code fleet} (identity {@code identity}) is configured with, the fleet's
     * client config plus {@code extraLines}: for tests that encode and decode requests and replies themselves.
     */
    static SecurityProvider security(Fleet fleet, String identity, String... extraLines) {
        String[] lines = new String[extraLines.length + 1];
        lines[0] = "identity = " + identity;
        System.arraycopy(extraLines, 0, lines, 1, extraLines.length);
        Config config = new ConfigParser(Map.of()).parse(fleet.clientConfig(identity + ".cfg", lines));
        PluginRegistry registry = PluginRegistry.discover();
        String name = config.securityProvider();
        return registry.create(
                SecurityProvider.class,
                name,
                new PluginContext(
                        config, name, registry, Clock.systemUTC(), Map.of(), Map.of(Role.class, Role.CLIENT)));
    }
}
