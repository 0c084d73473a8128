package mcollective.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import mcollective.broker.EmbeddedBroker;
import mcollective.broker.FrameLimits;
import mcollective.testkit.McoResult;
import mcollective.testkit.RubyNode;
import mcollective.testkit.fleet.BrokerSettings;
import mcollective.testkit.fleet.Fleet;
import mcollective.testkit.fleet.FleetNode;
import mcollective.testkit.fleet.NodeKind;
import mcollective.testkit.fleet.WithFleet;

/**
 * Attacks on the embedded broker under a running fleet (a Java node and a Ruby node): hostile frames, a flood of
 * full frames to queues nobody reads, 300 half-open connections. Each attacker is refused, and afterwards
 * {@code mco ping} gets both nodes' replies; an idle Ruby node on STOMP 1.0 stays connected throughout. Limits are scaled down (1 MiB frames, 4 MiB of memory) so the attacks
 * are quick.
 */
@WithFleet(
        brokerSettings = BrokerUnderAttackIT.SmallLimits.class,
        nodes = {
            @FleetNode(value = "java.example.net", facts = "platform=centos"),
            @FleetNode(value = "ruby.example.net", kind = NodeKind.RUBY, facts = "platform=debian")
        })
class BrokerUnderAttackIT {
    private static final int MIB = 1024 * 1024;

    Fleet fleet;

    /** 1 MiB frames, 2 MiB per address, 4 MiB of memory, 2 s to log in. */
    public static final class SmallLimits implements BrokerSettings {
        @Override
        public EmbeddedBroker.Builder apply(EmbeddedBroker.Builder broker) {
            return broker.frameLimits(new FrameLimits(MIB, 100, 2048, 64 * 1024))
                    .maxAddressBytes(2 * MIB)
                    .maxMemoryBytes(4 * MIB)
                    .connectTimeout(Duration.ofSeconds(2));
        }
    }

    @AfterEach
    void bothNodesStillAnswerPing() {
        McoResult ping = fleet.mco("ping", "-t", "3", "--expect", "2");
        assertThat(ping.out()).contains("java.example.net", "ruby.example.net", "2 replies");
    }

    @Test
    void shouldRefuseAnOversizedBody() {
        assertRefused(
                loggedIn("SEND\ndestination:/topic/mcollective.discovery.agent\ncontent-length:" + 2 * MIB + "\n\n"),
                "exceeds the limit of " + MIB);
    }

    @Test
    void shouldRefuseTooManyHeaders() {
        StringBuilder frame = new StringBuilder("SEND\ndestination:/topic/mcollective.discovery.agent\n");
        for (int i = 0; i < 200; i++) {
            frame.append("x-").append(i).append(":1\n");
        }
        assertRefused(loggedIn(frame.toString()), "more than 100 headers");
    }

    @Test
    void shouldRefuseAHugeHeaderLine() {
        assertRefused(
                loggedIn("SEND\ndestination:/topic/mcollective.discovery.agent\nx:" + "y".repeat(100_000)),
                "header line exceeds 2048 bytes");
    }

    @Test
    void shouldServeAfterTenFullFramesToQueuesNobodyReads() {
        String full = "z".repeat(MIB - 4096);
        StringBuilder flood = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            flood.append("SEND\ndestination:/queue/mcollective.reply.vanished_")
                    .append(i)
                    .append(".1\n\n")
                    .append(full)
                    .append('\0');
            flood.append("SEND\ndestination:/queue/unread.")
                    .append(i)
                    .append("\n\n")
                    .append(full)
                    .append('\0');
        }
        try (Attacker attacker = loggedIn(flood.toString())) {
            attacker.write("DISCONNECT\nreceipt:bye\n\n\0");
            assertThat(attacker.readUntilClosed()).contains("RECEIPT");
        }
        // Nothing pages (ADR 006): until the next scan deletes the unread queues (a second) the broker's memory is
        // full and new requests are dropped; then both nodes answer again.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> fleet.mco("ping", "-t", "2", "--expect", "2").out().contains("2 replies"));
    }

    @Test
    void shouldCloseThreeHundredHalfOpenConnections() {
        List<Attacker> halfOpen = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                halfOpen.add(new Attacker(fleet.port(), i % 2 == 0 ? "" : "CONNECT\nlogin:mcollective\n"));
            }
            for (Attacker attacker : halfOpen) {
                attacker.readUntilClosed();
            }
        } finally {
            halfOpen.forEach(Attacker::close);
        }
    }

    @Test
    void shouldKeepAnIdleRubyNodeOnStomp10Connected() throws InterruptedException {
        RubyNode ruby = fleet.rubyNode("ruby.example.net");
        long connectionsBefore =
                ruby.log().lines().filter(line -> line.contains("Connected to")).count();

        // Three connect timeouts and Artemis' connection TTL checks (every 2 s) pass while the node is silent.
        Thread.sleep(6000);

        assertThat(ruby.log()
                        .lines()
                        .filter(line -> line.contains("Connected to"))
                        .count())
                .as("Ruby node reconnects")
                .isEqualTo(connectionsBefore)
                .isPositive();
    }

    /** An attacker that logged in (and got CONNECTED) before it sends {@code frames}. */
    private Attacker loggedIn(String frames) {
        Attacker attacker =
                new Attacker(fleet.port(), "CONNECT\nlogin:" + Fleet.USER + "\npasscode:" + Fleet.PASSWORD + "\n\n\0");
        assertThat(attacker.readFrame()).startsWith("CONNECTED");
        attacker.write(frames);
        return attacker;
    }

    private static void assertRefused(Attacker attacker, String why) {
        try (attacker) {
            assertThat(attacker.readUntilClosed().strip()).startsWith("ERROR").contains(why);
        }
    }

    /** A raw TCP client: writes text as it is and reads everything until the broker closes the connection. */
    private static final class Attacker implements AutoCloseable {
        private static final int READ_LIMIT_MILLIS = 10_000;
        private final Socket socket;

        Attacker(int port, String first) {
            try {
                socket = new Socket("127.0.0.1", port);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!first.isEmpty()) {
                write(first);
            }
        }

        void write(String text) {
            try {
                socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // the broker may close while a long attack is still being written; what it said is read next
            }
        }

        /** The next frame the broker sends, up to its NUL. */
        String readFrame() {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            try {
                socket.setSoTimeout(READ_LIMIT_MILLIS);
                for (int b = socket.getInputStream().read();
                        b > 0;
                        b = socket.getInputStream().read()) {
                    frame.write(b);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return frame.toString(StandardCharsets.ISO_8859_1);
        }

        /** What the broker sent until it closed the connection; fails if it is still open after 10 s. */
        String readUntilClosed() {
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                socket.setSoTimeout(READ_LIMIT_MILLIS);
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[8192];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the broker left the connection open: " + received, e);
            } catch (IOException e) {
                // a reset also means the broker closed it
            }
            return received.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
