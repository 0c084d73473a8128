package mcollective.server;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.management.OperatingSystemMXBean;

import mcollective.protocol.codec.RubySymbol;

/**
 * Port of {@code lib/mcollective/runnerstats.rb}: the counters a node keeps and {@code rpcutil#daemon_stats}
 * reports. The Ruby counters keep their names; the ones Ruby lacks ({@code malformed}, {@code oversized},
 * {@code dropped}, {@code errors}, {@code timeouts}, {@code crashed}) count what a Ruby node would have lost
 * silently or crashed on; {@code skewed}, {@code replayed} and {@code replayfull} count what it would have run:
 * requests dated further ahead than {@code max_clock_skew}, second copies of an accepted request, and requests
 * refused because the memory of accepted ids was full ({@link ReplayGuard}).
 *
 * <p>Every message received gets exactly one of the {@link #VERDICTS}, so they add up to {@code total}. A passed
 * message then ends in a reply, or in {@code dropped}, {@code timeouts} or {@code errors}. {@code errors} and
 * {@code crashed} count the messages whose handling threw a {@code RuntimeException} or an {@code Error}, at
 * whatever stage. Thread-safe.
 */
public final class RunnerStats {
    /** The counters of which every message gets exactly one. */
    public static final List<String> VERDICTS = List.of(
            "oversized",
            "malformed",
            "unvalidated",
            "ttlexpired",
            "skewed",
            "replayed",
            "replayfull",
            "filtered",
            "passed");

    final AtomicLong total = new AtomicLong();
    final AtomicLong validated = new AtomicLong();
    final AtomicLong unvalidated = new AtomicLong();
    final AtomicLong passed = new AtomicLong();
    final AtomicLong filtered = new AtomicLong();
    final AtomicLong ttlexpired = new AtomicLong();
    final AtomicLong skewed = new AtomicLong();
    final AtomicLong replayed = new AtomicLong();
    final AtomicLong replayfull = new AtomicLong();
    final AtomicLong replies = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong oversized = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong timeouts = new AtomicLong();
    /** Messages refused because handling them threw an Error (stack overflow, out of memory). */
    final AtomicLong crashed = new AtomicLong();

    private final long starttime;

    RunnerStats(Clock clock) {
        this.starttime = clock.instant().getEpochSecond();
    }

    /** The counters by their Ruby names, in Ruby's order, then ours. */
    public Map<String, Object> counters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("validated", validated.get());
        map.put("unvalidated", unvalidated.get());
        map.put("passed", passed.get());
        map.put("filtered", filtered.get());
        map.put("starttime", starttime);
        map.put("total", total.get());
        map.put("ttlexpired", ttlexpired.get());
        map.put("replies", replies.get());
        map.put("malformed", malformed.get());
        map.put("oversized", oversized.get());
        map.put("dropped", dropped.get());
        map.put("errors", errors.get());
        map.put("timeouts", timeouts.get());
        map.put("crashed", crashed.get());
        map.put("skewed", skewed.get());
        map.put("replayed", replayed.get());
        map.put("replayfull", replayfull.get());
        return map;
    }

    public long get(String name) {
        Object value = counters().get(name);
        if (value == null) {
            throw new IllegalArgumentException("No counter named '" + name + "'");
        }
        return (Long) value;
    }

    /**
     * Ruby's {@code to_hash}, shaped as a Ruby node reports it: the counters (Ruby's eight, then the port's), thread
     * descriptions, pid, process times (Symbol keys) and agents.
     */
    Map<String, Object> toMap(List<String> agents) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("stats", counters());
        map.put(
                "threads",
                Thread.getAllStackTraces().keySet().stream()
                        .map(t -> "#<Thread:" + t.getName() + " "
                                + t.getState().name().toLowerCase(Locale.ROOT) + ">")
                        .sorted()
                        .toList());
        map.put("pid", ProcessHandle.current().pid());
        map.put("times", times());
        map.put("agents", agents);
        return map;
    }

    /** {@code Process.times}: user and system CPU seconds of this process (the JVM), Symbol keys as Ruby's. */
    private static Map<Object, Object> times() {
        double cpu = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            cpu = os.getProcessCpuTime() / 1e9;
        }
        Map<Object, Object> times = new LinkedHashMap<>();
        times.put(RubySymbol.of("utime"), cpu);
        times.put(RubySymbol.of("stime"), 0.0);
        times.put(RubySymbol.of("cutime"), 0.0);
        times.put(RubySymbol.of("cstime"), 0.0);
        return times;
    }
}
