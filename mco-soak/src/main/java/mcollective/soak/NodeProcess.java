package mcollective.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import mcollective.testkit.BrokerAddress;
import mcollective.testkit.ClientCfg;
import mcollective.testkit.ServerCfg;

/**
 * A real {@code mcollectived} started through {@code bin/mcollectived} as a separate process, with its embedded
 * broker on an ephemeral 127.0.0.1 port, psk security and yaml facts; plus the matching {@code client.cfg}.
 */
public final class NodeProcess implements AutoCloseable {
    /** The node's identity. */
    public static final String IDENTITY = "soak-node.example.net";
    /** The shared psk. */
    public static final String PSK = "soak-shared-secret";

    private final Path dir;
    private final BrokerAddress broker;
    private final Process process;

    private NodeProcess(Path dir, BrokerAddress broker, Process process) {
        this.dir = dir;
        this.broker = broker;
        this.process = process;
    }

    /** Writes the configs into {@code dir}, starts the node and waits (60 s at most) until it logs it started. */
    public static NodeProcess start(Path root, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("plugins"));
        BrokerAddress broker = BrokerAddress.local(freePort(), "mcollective", "marionette");
        Path log = dir.resolve("mcollectived.log");
        Files.writeString(dir.resolve("facts.yaml"), "---\nplatform: soak\nrole: fuzz\n");
        Files.writeString(dir.resolve("classes.txt"), "soak\n");
        Files.deleteIfExists(log);
        ServerCfg server = ServerCfg.builder(IDENTITY, broker)
                .psk(PSK)
                .libdir(dir.resolve("plugins"))
                .factsFile(dir.resolve("facts.yaml"))
                .classesFile(dir.resolve("classes.txt"))
                .logFile(log)
                .extra(List.of(
                        "plugin.broker.embedded = 1",
                        "plugin.broker.host = 127.0.0.1",
                        "plugin.broker.port = " + broker.port()))
                .build();
        Files.writeString(dir.resolve("server.cfg"), server.text());
        Files.writeString(
                dir.resolve("client.cfg"),
                ClientCfg.builder(broker)
                        .psk(PSK)
                        .libdir(dir.resolve("plugins"))
                        .build()
                        .text());
        Process process = new ProcessBuilder(
                        root.resolve("bin/mcollectived").toString(),
                        "--config",
                        dir.resolve("server.cfg").toString(),
                        "--pidfile",
                        dir.resolve("mcollectived.pid").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .start();
        NodeProcess node = new NodeProcess(dir, broker, process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(log) && Files.readString(log).contains("started: identity"))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                node.close();
                throw new IOException("mcollectived did not start; see " + dir.resolve("stdout.log") + " and " + log);
            }
            Thread.sleep(200);
        }
        return node;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The embedded broker's address. */
    public BrokerAddress broker() {
        return broker;
    }

    /** The client config that reaches this node. */
    public Path clientCfg() {
        return dir.resolve("client.cfg");
    }

    /** The node's log file. */
    public Path log() {
        return dir.resolve("mcollectived.log");
    }

    /** Whether the process is still running. */
    public boolean alive() {
        return process.isAlive();
    }

    /** The JVM's pid (bin/mcollectived execs java). */
    public long pid() {
        return process.pid();
    }

    /** The log's size in bytes, 0 if unreadable. */
    public long logSize() {
        try {
            return Files.size(log());
        } catch (IOException e) {
            return 0;
        }
    }

    /** VmRSS and VmHWM lines of /proc/PID/status, or why they could not be read. */
    public String memory() {
        try {
            return String.join(
                    ", ",
                    Files.readAllLines(Path.of("/proc/" + pid() + "/status")).stream()
                            .filter(l -> l.startsWith("VmRSS") || l.startsWith("VmHWM"))
                            .map(l -> l.replaceAll("\\s+", " "))
                            .toList());
        } catch (IOException | UncheckedIOException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }

    /** Exception lines the node printed on stdout/stderr (an uncaught one kills a thread), at most five. */
    public List<String> crashLines() {
        try (var lines = Files.lines(dir.resolve("stdout.log"))) {
            return lines.filter(l -> l.contains("Exception") || l.contains("Error"))
                    .limit(5)
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** The exit status if the process ended, for the report. */
    public String exitStatus() {
        return process.isAlive() ? "running" : "exited with " + process.exitValue();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
