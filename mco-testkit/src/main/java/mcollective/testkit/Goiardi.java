package mcollective.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Chef server for tests: Debian's {@code goiardi} (a Chef server written in Go, {@code apt-get install
 * goiardi}), in memory, with authentication on, listening on 127.0.0.1 on a free port. It writes its
 * {@code admin.pem} client key into its folder. A test that needs it fails loudly when it is not installed.
 */
public final class Goiardi implements AutoCloseable {
    /** Where Debian installs it. */
    public static final Path BINARY = Path.of("/usr/bin/goiardi");

    private final Process process;
    private final Path dir;
    private final int port;

    private Goiardi(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /**
     * Starts goiardi with its configuration and keys in {@code dir} and waits until it accepts connections.
     *
     * @throws IllegalStateException if goiardi is not installed or does not come up within 30 s
     */
    public static Goiardi start(Path dir) {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: bin/setup installs Debian's goiardi package");
        }
        try {
            Files.createDirectories(dir);
            int port = freePort();
            Process process = new ProcessBuilder(List.of(
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
                            "warning"))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("goiardi.log").toFile())
                    .start();
            Goiardi goiardi = new Goiardi(process, dir, port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!goiardi.accepting() || !Files.isReadable(goiardi.adminKey())) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    goiardi.close();
                    throw new IllegalStateException("goiardi did not start on 127.0.0.1:" + port + ": "
                            + Files.readString(dir.resolve("goiardi.log")));
                }
                Thread.sleep(50);
            }
            return goiardi;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean accepting() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** @return the {@code chef_server_url}, e.g. {@code http://127.0.0.1:40123} */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** @return the key of the {@code admin} client goiardi created */
    public Path adminKey() {
        return dir.resolve("admin.pem");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
