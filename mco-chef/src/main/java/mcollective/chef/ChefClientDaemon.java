package mcollective.chef;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.rpc.RpcException;
import mcollective.spi.support.Command;

/**
 * A node's chef-client daemon as the chef agent sees it: its pidfile, the run lock a chef-client run holds
 * ({@code file_cache_path/chef-client-running.pid}, written by {@code Chef::RunLock}), and the {@code USR1} signal
 * that makes a daemonised chef-client run now. Stateless; safe to share.
 */
final class ChefClientDaemon {
    private static final Logger LOG = LoggerFactory.getLogger(ChefClientDaemon.class);
    /** A pidfile is a number and a newline; anything much longer is not one. */
    private static final int MAX_PIDFILE = 64;

    private final Path pidfile;
    private final Path lockfile;
    private final String processName;
    private final Duration wakeGrace;

    /**
     * @param pidfile     the daemon's pidfile
     * @param lockfile    chef-client's run lock
     * @param processName a string the daemon's command line must contain before it is signalled; empty to signal
     *                    whatever the pidfile names
     * @param wakeGrace   how long a wake-up is taken to be starting a run when no run lock has appeared yet
     */
    ChefClientDaemon(Path pidfile, Path lockfile, String processName, Duration wakeGrace) {
        this.pidfile = pidfile;
        this.lockfile = lockfile;
        this.processName = processName;
        this.wakeGrace = wakeGrace;
    }

    /** The pid of a chef-client run holding the run lock, if one is running. */
    Optional<Long> runInProgress() {
        return readPid(lockfile)
                .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    /**
     * Whether a wake-up sent at {@code wokenAt} is still to be taken as starting a run: it is recent, and the run
     * lock has not been written since (a run that started and finished since then touched it).
     */
    boolean wakePending(Instant wokenAt, Instant now) {
        if (Duration.between(wokenAt, now).compareTo(wakeGrace) >= 0) {
            return false;
        }
        try {
            return Files.getLastModifiedTime(lockfile).toInstant().isBefore(wokenAt);
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Sends {@code USR1} to the daemon.
     *
     * @return the pid signalled
     * @throws RpcException (aborted) naming the pidfile when there is nothing safe to signal
     */
    long wake() {
        long pid = readPid(pidfile)
                .orElseThrow(() -> RpcException.aborted(
                        Files.exists(pidfile)
                                ? "chef-client pidfile " + pidfile + " holds no process id."
                                : "chef-client pidfile " + pidfile + " not found."));
        ProcessHandle process = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .orElseThrow(() -> RpcException.aborted(
                        "chef-client pidfile " + pidfile + " found, but stale - no process " + pid + " to signal."));
        Optional<String> commandLine = process.info().commandLine();
        if (!processName.isEmpty()
                && commandLine.isPresent()
                && !commandLine.get().contains(processName)) {
            throw RpcException.aborted("chef-client pidfile " + pidfile + " names process " + pid + ", which is not "
                    + processName + " (" + abbreviate(commandLine.get()) + "); not signalling it.");
        }
        signal(pid);
        LOG.info("Sent USR1 to chef-client {} from {}", pid, pidfile);
        return pid;
    }

    private static void signal(long pid) {
        Command kill = Command.of(List.of("kill", "-USR1", Long.toString(pid)));
        try {
            Command.Result result = kill.run(Duration.ofSeconds(5));
            if (result.exitCode() != 0) {
                throw RpcException.aborted("Could not signal chef-client " + pid + ": " + result.firstErrorLine());
            }
        } catch (IOException e) {
            throw RpcException.aborted("Could not signal chef-client " + pid + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RpcException.aborted("Interrupted while signalling chef-client " + pid);
        }
    }

    /** The positive pid a pidfile holds; empty when the file is missing, unreadable, oversized or not a pid. */
    static Optional<Long> readPid(Path file) {
        try {
            if (Files.size(file) > MAX_PIDFILE) {
                return Optional.empty();
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip();
            long pid = Long.parseLong(text);
            return pid > 1 ? Optional.of(pid) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            LOG.debug("{} holds no pid: {}", file, e.toString());
            return Optional.empty();
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
