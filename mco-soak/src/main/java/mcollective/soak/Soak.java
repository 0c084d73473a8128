package mcollective.soak;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mcollective.soak.Mutation.Kind;

/**
 * One soak run against a started node: sends mutants (or a replay file), attacks the broker, checks liveness every
 * {@code checkEvery} messages and at the end, and prints the report. {@link #run()} returns whether the node
 * survived.
 */
final class Soak {
    private static final int KEEP_LAST_MAX = 20_000;
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final SoakOptions options;
    private final NodeProcess node;
    private final Probe probe;
    private final PrintStream out;
    private final int keepLast;
    private final Map<Kind, Long> perKind = new EnumMap<>(Kind.class);
    private final Map<String, Long> perDestination = new TreeMap<>();
    private final Deque<String> last = new ArrayDeque<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private int pingsOk;
    private int pingsFailed;
    private volatile long sent;
    private volatile boolean stalled;

    Soak(SoakOptions options, NodeProcess node, Probe probe, PrintStream out) {
        this.options = options;
        this.node = node;
        this.probe = probe;
        this.out = out;
        this.keepLast = (int) Math.min(KEEP_LAST_MAX, options.checkEvery() + 1);
    }

    boolean run() throws IOException {
        List<String> destinations = List.of(
                "/topic/mcollective.discovery.agent", "/topic/mcollective.rpcutil.agent", "/queue/mcollective.nodes");
        Seeds seeds = Seeds.load(options.frames(), NodeProcess.PSK);
        Mutator mutator =
                new Mutator(options.seed(), seeds, destinations, System.currentTimeMillis() / 1000, options.without());
        List<Mutation> replay =
                options.replay().isPresent() ? readReplay(options.replay().get()) : List.of();
        long total = options.replay().isPresent() ? replay.size() : options.count();
        long attackEvery = options.attacks() > 0 ? Math.max(1, total / options.attacks()) : Long.MAX_VALUE;
        Random headers = new Random(options.seed() ^ 0x5eed);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(options.seconds());
        long nextProgress = start + PROGRESS_NANOS;
        long lastLog = node.logSize();
        boolean alive = check("start");
        try (StompSender sender = new StompSender(
                        "127.0.0.1",
                        node.broker().port(),
                        node.broker().user(),
                        node.broker().password());
                StompAttacks attacks = new StompAttacks(
                        "127.0.0.1",
                        node.broker().port(),
                        node.broker().user(),
                        node.broker().password(),
                        options.seed())) {
            Thread watchdog = watchdog(sender);
            while (alive && !stalled && sent < total && System.nanoTime() < deadline) {
                Mutation m = options.replay().isPresent() ? replay.get((int) sent) : mutator.next();
                remember(m);
                try {
                    sender.send(m.destination(), NodeProcess.IDENTITY, m.body(), headers, headers.nextInt(50) == 0);
                } catch (IOException e) {
                    if (stalled) {
                        break;
                    }
                    problems.add("broker unreachable after " + sent + " messages: " + e.getMessage());
                    alive = false;
                    break;
                }
                sent++;
                perKind.merge(m.kind(), 1L, Long::sum);
                perDestination.merge(m.destination(), 1L, Long::sum);
                if (sent % attackEvery == 0) {
                    attacks.attack();
                }
                if (sent % options.checkEvery() == 0) {
                    sender.flush();
                    alive = check("after " + sent);
                    long size = node.logSize();
                    if (size == lastLog) {
                        out.println("warning: the node's log did not grow over the last " + options.checkEvery()
                                + " messages");
                    }
                    lastLog = size;
                }
                if (System.nanoTime() > nextProgress) {
                    nextProgress += PROGRESS_NANOS;
                    out.printf(
                            "progress: %d sent, %.0f msg/s, node %s, log %d KB, broker reconnects %d%n",
                            sent, rate(start), node.memory(), node.logSize() / 1024, sender.reconnects());
                }
            }
            sender.flush();
            sleepQuietly(2000); // let the node work through what is queued
            watchdog.interrupt();
            alive = alive && !stalled && check("end");
            if (!alive) {
                saveLast();
            }
            report(start, attacks, sender, alive);
        }
        return alive;
    }

    /** Stops the run when no message could be sent for a minute (the broker blocks producers when full). */
    private Thread watchdog(StompSender sender) {
        Thread thread = new Thread(
                () -> {
                    long seen = -1;
                    try {
                        while (true) {
                            Thread.sleep(60_000);
                            if (sent == seen) {
                                stalled = true;
                                problems.add("the broker stopped taking messages for 60 s after " + sent
                                        + " (full: the node is not consuming)");
                                sender.close();
                                return;
                            }
                            seen = sent;
                        }
                    } catch (InterruptedException e) {
                        // run over
                    }
                },
                "soak-watchdog");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private boolean check(String when) {
        if (!node.alive()) {
            problems.add("node process died (" + node.exitStatus() + ") " + when);
            return false;
        }
        if (probe.ping()) {
            pingsOk++;
            return true;
        }
        pingsFailed++;
        if (probe.ping()) { // one retry: a ping can be lost behind a flood
            pingsOk++;
            return true;
        }
        pingsFailed++;
        problems.add("node stopped answering ping " + when + " (mco ping " + probe.lastFailure() + ")");
        return false;
    }

    private void remember(Mutation m) {
        if (last.size() == keepLast) {
            last.removeFirst();
        }
        last.addLast(
                m.kind() + " " + m.destination() + " " + Base64.getEncoder().encodeToString(m.body()));
    }

    private void saveLast() throws IOException {
        Path file = options.dir().resolve("soak-last-messages.txt");
        Files.write(file, last, StandardCharsets.UTF_8);
        Map<String, Long> kinds = new TreeMap<>();
        last.forEach(l -> kinds.merge(l.substring(0, l.indexOf(' ')), 1L, Long::sum));
        out.println("NODE FAILED: " + String.join("; ", problems));
        out.println("Last message sent: "
                + last.peekLast().substring(0, last.peekLast().indexOf(" /")));
        out.println("Kinds among the last " + last.size() + " messages: " + kinds);
        node.crashLines().forEach(l -> out.println("node printed: " + l));
        out.println("Saved to " + file + "; reproduce with: bin/soak --replay " + file);
        if (node.alive()) {
            Path threads = options.dir().resolve("node-threads.txt");
            out.println("Node threads: " + jcmd("Thread.print", threads));
        }
    }

    private void report(long start, StompAttacks attacks, StompSender sender, boolean answering) {
        double seconds = (System.nanoTime() - start) / 1e9;
        out.println("== soak report");
        out.printf(
                "sent %d messages in %.1f s (%.0f msg/s); broker dropped the sender %d times%n",
                sent, seconds, rate(start), sender.reconnects());
        out.println("per kind: " + perKind);
        out.println("per destination: " + perDestination);
        out.println("STOMP attacks: " + attacks.counts());
        out.println("pings answered: " + pingsOk + ", missed: " + pingsFailed);
        out.println("node: " + node.exitStatus() + ", pid " + node.pid() + ", " + node.memory() + ", log "
                + node.logSize() / 1024 + " KB");
        if (node.alive()) {
            out.println("heap: " + heap());
            out.println("daemon_stats:\n"
                    + (answering ? counters(probe.daemonStats()) : "skipped: the node does not answer"));
        }
        out.println(answering ? "RESULT: node survived" : "RESULT: NODE FAILED: " + String.join("; ", problems));
    }

    /** The counters of a daemon_stats answer, one {@code name=value} each; the whole text if none is found. */
    static String counters(String daemonStats) {
        Matcher m = Pattern.compile(
                        ":(validated|unvalidated|passed|filtered|total|ttlexpired|replies|malformed|oversized|dropped|errors|timeouts|crashed)"
                                + "=>(\\d+)")
                .matcher(daemonStats);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1) + "=" + m.group(2));
        }
        return found.isEmpty() ? daemonStats : "  " + String.join(", ", found);
    }

    private double rate(long start) {
        return sent / Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    }

    private String heap() {
        String text = jcmd("GC.heap_info", null);
        return text.lines()
                .filter(l -> l.contains("total") || l.contains("used"))
                .findFirst()
                .orElse(text.strip());
    }

    /** What {@code jcmd PID command} prints about the node; into {@code file} (then its name) when one is given. */
    private String jcmd(String command, Path file) {
        try {
            Process p = new ProcessBuilder("jcmd", Long.toString(node.pid()), command)
                    .redirectErrorStream(true)
                    .start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(20, TimeUnit.SECONDS);
            if (file == null) {
                return text;
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file.toString();
        } catch (IOException e) {
            return "jcmd unavailable (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static List<Mutation> readReplay(Path file) throws IOException {
        List<Mutation> messages = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.split(" ", 3);
            messages.add(new Mutation(
                    Kind.valueOf(parts[0]), parts[1], Base64.getDecoder().decode(parts[2])));
        }
        return messages;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
