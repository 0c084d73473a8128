package mcollective.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.McollectiveException;
import mcollective.broker.BrokerRole;
import mcollective.broker.BrokerUser;
import mcollective.broker.EmbeddedBroker;
import mcollective.broker.FrameLimits;
import mcollective.broker.Password;
import mcollective.config.Config;
import mcollective.config.PluginConfig;

/**
 * Starts the in-process Artemis broker when the node's config asks for one, so that a node and {@code mco} work with
 * no external broker. Keys (all optional but the first), read from {@code plugin.broker.*} so that a Ruby node given
 * the same file ignores them:
 * <pre>
 * plugin.broker.embedded = 1
 * plugin.broker.host = 127.0.0.1                 # default
 * plugin.broker.port = 61613                     # default; 0 picks a free port
 * plugin.broker.user = mcollective               # default: plugin.activemq.pool.1.user
 * plugin.broker.password = marionette            # default: plugin.activemq.pool.1.password
 * </pre>
 * logins with roles (ADR 012; without {@code users} the one login above is an admin):
 * <pre>
 * plugin.broker.users = admin, nodes, alice
 * plugin.broker.user.alice.role = client          # node, client or admin
 * plugin.broker.user.alice.password_file = /etc/mcollective/broker-alice.pw   # or .password, or .password_hash
 * plugin.broker.user.alice.identities = alice.example.net                     # client: whose replies it reads
 * </pre>
 * TLS from PEM files ({@code ssl.cert}, {@code ssl.key}, optional {@code ssl.ca} to require client certificates),
 * and the self-protection keys ({@code max_connections}, {@code connect_timeout}, {@code idle_timeout},
 * {@code write_timeout}, frame, memory and {@code data_dir} settings) listed in docs/configuration.md (ADR 006).
 */
final class EmbeddedBrokerSupport {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBrokerSupport.class);
    private final Optional<EmbeddedBroker> broker;

    private EmbeddedBrokerSupport(Optional<EmbeddedBroker> broker) {
        this.broker = broker;
    }

    static EmbeddedBrokerSupport fromConfig(Config config) {
        PluginConfig settings = config.plugin("broker");
        if (!settings.getBool("embedded", false)) {
            return new EmbeddedBrokerSupport(Optional.empty());
        }
        PluginConfig pool = config.plugin("activemq");
        EmbeddedBroker.Builder broker = EmbeddedBroker.builder()
                .host(settings.get("host").orElse("127.0.0.1"))
                .port(settings.getInt("port").orElse(61613))
                .user(settings.get("user").or(() -> pool.get("pool.1.user")).orElse("mcollective"))
                .password(settings.get("password")
                        .or(() -> pool.get("pool.1.password"))
                        .orElse("marionette"));
        users(broker, settings);
        tls(broker, settings);
        return new EmbeddedBrokerSupport(Optional.of(limits(broker, settings).build()));
    }

    /** The logins of {@code plugin.broker.users}, each with its role and one way to give its password. */
    private static void users(EmbeddedBroker.Builder broker, PluginConfig settings) {
        for (String login : list(settings.get("users").orElse(""))) {
            String prefix = "user." + login + ".";
            String roleKey = "plugin.broker." + prefix + "role";
            BrokerRole role = BrokerRole.parse(
                    settings.get(prefix + "role")
                            .orElseThrow(() -> new McollectiveException(
                                    roleKey + " is missing: broker user " + login + " needs a role")),
                    roleKey);
            broker.addUser(new BrokerUser(
                    login,
                    role,
                    password(settings, prefix, login),
                    list(settings.get(prefix + "identities").orElse(""))));
        }
    }

    private static Password password(PluginConfig settings, String prefix, String login) {
        Optional<String> plain = settings.get(prefix + "password");
        Optional<String> hash = settings.get(prefix + "password_hash");
        Optional<String> file = settings.get(prefix + "password_file");
        String keys = "plugin.broker." + prefix + "password, password_hash or password_file";
        long given = Stream.of(plain, hash, file).filter(Optional::isPresent).count();
        if (given != 1) {
            throw new McollectiveException("Broker user " + login + " needs exactly one of " + keys);
        }
        if (plain.isPresent()) {
            return Password.plain(plain.get());
        }
        if (hash.isPresent()) {
            return Password.hashed(hash.get(), "plugin.broker." + prefix + "password_hash");
        }
        return Password.plain(firstLine(Path.of(file.get()), "plugin.broker." + prefix + "password_file"));
    }

    private static String firstLine(Path file, String key) {
        try {
            String line = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .findFirst()
                    .orElse("")
                    .strip();
            if (line.isEmpty()) {
                throw new McollectiveException(key + " = " + file + ": the file is empty");
            }
            return line;
        } catch (IOException e) {
            throw new McollectiveException(key + " = " + file + ": cannot read it: " + e.getMessage(), e);
        }
    }

    /** {@code ssl.cert} and {@code ssl.key} (both or neither), optionally {@code ssl.ca}. */
    private static void tls(EmbeddedBroker.Builder broker, PluginConfig settings) {
        Optional<String> cert = settings.get("ssl.cert");
        Optional<String> key = settings.get("ssl.key");
        Optional<String> ca = settings.get("ssl.ca");
        if (cert.isEmpty() && key.isEmpty()) {
            if (ca.isPresent()) {
                throw new McollectiveException("plugin.broker.ssl.ca needs plugin.broker.ssl.cert and ssl.key");
            }
            return;
        }
        if (cert.isEmpty() || key.isEmpty()) {
            throw new McollectiveException("plugin.broker.ssl.cert and plugin.broker.ssl.key go together: "
                    + (cert.isEmpty() ? "ssl.cert" : "ssl.key") + " is missing");
        }
        broker.tls(Path.of(cert.get()), Path.of(key.get()), ca.map(Path::of));
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    /** The self-protection settings; each one left out keeps the broker's default. */
    private static EmbeddedBroker.Builder limits(EmbeddedBroker.Builder broker, PluginConfig settings) {
        FrameLimits d = FrameLimits.DEFAULTS;
        broker.frameLimits(new FrameLimits(
                settings.getInt("max_frame_size").orElse(d.maxBodyBytes()),
                settings.getInt("max_headers").orElse(d.maxHeaders()),
                settings.getInt("max_header_line_size").orElse(d.maxHeaderLineBytes()),
                settings.getInt("max_header_size").orElse(d.maxHeaderBytes())));
        settings.getInt("max_connections").ifPresent(broker::maxConnections);
        settings.getInt("connect_timeout").map(Duration::ofSeconds).ifPresent(broker::connectTimeout);
        settings.getInt("idle_timeout").map(Duration::ofSeconds).ifPresent(broker::idleTimeout);
        settings.getInt("write_timeout").map(Duration::ofSeconds).ifPresent(broker::writeTimeout);
        settings.getInt("max_address_size").ifPresent(broker::maxAddressBytes);
        settings.getInt("max_memory").ifPresent(broker::maxMemoryBytes);
        settings.get("data_dir").map(Path::of).ifPresent(broker::dataDir);
        return broker;
    }

    void start() {
        broker.ifPresent(b -> {
            b.start();
            LOG.info("Embedded broker listening for STOMP on {}:{}", b.host(), b.port());
        });
    }

    void stop() {
        broker.ifPresent(EmbeddedBroker::stop);
    }
}
