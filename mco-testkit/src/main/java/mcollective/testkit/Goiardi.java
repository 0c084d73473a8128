package mcollective.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import mcollective.McollectiveException;

/**
 * A real Chef server for tests: Debian's {@code goiardi} (a Chef server written in Go, {@code apt-get install
 * goiardi}), in memory, with authentication on, listening on 127.0.0.1 on a free port. It writes its
 * {@code admin.pem} client key into its folder. A test that needs it fails loudly when it is not installed.
 */
public final class Goiardi implements AutoCloseable {
    /** Where Debian installs it. */
    public static final Path BINARY = Path.of("/usr/bin/goiardi");

    private final ChildProcess process;
    private final int port;

    private Goiardi(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts goiardi with its configuration and keys in {@code dir} and waits until it accepts connections.
     *
     * @throws IllegalStateException if goiardi is not installed
     * @throws McollectiveException if it exits or does not come up within 30 s
     */
    public static Goiardi start(Path dir) {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: bin/setup installs Debian's goiardi package");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = LocalPort.free();
        ChildProcess process = ChildProcess.start(
                "goiardi on 127.0.0.1:" + port,
                new ProcessBuilder(List.of(
                        BINARY.toString(),
                        "-A",
                        "-I",
                        "127.0.0.1",
                        "-P",
                        Integer.toString(port),
                        "-H",
                        "127.0.0.1",
                        "--conf-root=" + dir,
                        "-g",
                        "warning")),
                dir.resolve("goiardi.log"));
        Goiardi goiardi = new Goiardi(process, port);
        process.awaitUntil(
                () -> goiardi.accepting() && Files.isReadable(goiardi.adminKey()), Duration.ofSeconds(30), () -> "");
        return goiardi;
    }

    private boolean accepting() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return the {@code chef_server_url}, e.g. {@code http://127.0.0.1:40123} */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** @return the key of the {@code admin} client goiardi created */
    public Path adminKey() {
        return process.dir().resolve("admin.pem");
    }

    @Override
    public void close() {
        process.close();
    }
}
