package mcollective.chef;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import mcollective.config.ConfigException;
import mcollective.config.PluginConfig;
import mcollective.rpc.RpcException;
import mcollective.rpc.RpcReply;
import mcollective.rpc.RpcRequest;
import mcollective.rpc.RpcStatus;
import mcollective.spi.PluginContext;
import mcollective.spi.support.Command;
import mcollective.spi.support.RpcAgent;

/**
 * The {@code chef} agent: manages the chef-client daemon. A port of the agent in zts/cookbook-mcollective
 * ({@code reference/MCOLLECTIVE.md} §10.2) with its hazards removed:
 * <ul>
 * <li>{@code wake_daemon} sends {@code USR1} to the pid in {@code plugin.chef.client-pidfile}. A pidfile that is
 * missing, holds no pid, or names a dead process or a process that is not chef-client is reported and nothing is
 * signalled (the original read a garbage pidfile as pid 0 and signalled its own process group).</li>
 * <li>Wake-ups do not pile up chef runs: while a run holds chef-client's run lock
 * ({@code plugin.chef.client-lockfile}), or within {@code plugin.chef.wake_grace} seconds of a wake-up whose run
 * has not started yet, the reply says so and nothing is signalled.</li>
 * <li>{@code status} maps the init command's exit code to {@code OK} (0), {@code Missing} (1) or {@code Stopped}
 * (3); any other code is reported as {@code Unknown} and fails the request.</li>
 * <li>{@code start}, {@code stop} and {@code restart} return stdout, stderr and the exit code of
 * {@code plugin.chef.client-initscript}, run without a shell.</li>
 * <li>Actions that change the daemon run one at a time on a node; a request that cannot get its turn before the
 * agent's timeout fails with a message instead of being dropped by the node's watchdog.</li>
 * </ul>
 *
 * <p>Inactive unless {@code plugin.chef.activate_agent = 1}: it signals processes and runs commands as the node's
 * user. Thread-safe.
 */
public final class ChefAgent extends RpcAgent {
    static final String DEFAULT_PIDFILE = "/var/run/chef/client.pid";
    static final String DEFAULT_INITSCRIPT = "service chef-client";
    static final String DEFAULT_LOCKFILE = "/var/chef/cache/chef-client-running.pid";
    static final String DEFAULT_PROCESS = "chef-client";
    static final Duration DEFAULT_WAKE_GRACE = Duration.ofSeconds(30);
    /** Time kept back from the agent timeout so a reply is sent before the node's watchdog gives up. */
    private static final Duration REPLY_MARGIN = Duration.ofSeconds(2);

    private final ReentrantLock turn = new ReentrantLock(true);
    private ChefClientDaemon daemon;
    private Command initscript;
    private Clock clock;
    /** The last wake-up this node sent, guarded by {@link #turn}. */
    private Instant lastWake;

    public ChefAgent() {
        action("wake_daemon", this::wakeDaemon);
        action("status", this::status);
        action("start", (request, reply) -> initAction("start", reply));
        action("stop", (request, reply) -> initAction("stop", reply));
        action("restart", (request, reply) -> initAction("restart", reply));
    }

    @Override
    public String name() {
        return "chef";
    }

    @Override
    public boolean activeByDefault() {
        return false;
    }

    @Override
    public void init(PluginContext context) {
        super.init(context);
        PluginConfig conf = context.pluginConfig();
        this.clock = context.clock();
        String init = conf.get("client-initscript").orElse(DEFAULT_INITSCRIPT);
        if (init.isBlank()) {
            throw new ConfigException("plugin.chef.client-initscript is empty");
        }
        this.initscript = Command.parse(init);
        this.daemon = new ChefClientDaemon(
                Path.of(conf.get("client-pidfile").orElse(DEFAULT_PIDFILE)),
                Path.of(conf.get("client-lockfile").orElse(DEFAULT_LOCKFILE)),
                conf.get("client-process").orElse(DEFAULT_PROCESS),
                conf.getInt("wake_grace").map(Duration::ofSeconds).orElse(DEFAULT_WAKE_GRACE));
    }

    private void wakeDaemon(RpcRequest request, RpcReply reply) {
        takeTurn("wake_daemon");
        try {
            Instant now = clock.instant();
            Optional<Long> running = daemon.runInProgress();
            if (running.isPresent()) {
                reply.put("result", "already running");
                reply.put("pid", running.get());
                reply.fail(
                        "A chef-client run is already in progress (pid " + running.get() + "); not starting another",
                        RpcStatus.OK);
                return;
            }
            if (lastWake != null && daemon.wakePending(lastWake, now)) {
                long ago = Duration.between(lastWake, now).toSeconds();
                reply.put("result", "already woken");
                reply.fail(
                        "chef-client was woken " + ago + "s ago and its run has not started yet;"
                                + " not waking it again",
                        RpcStatus.OK);
                return;
            }
            long pid = daemon.wake();
            lastWake = now;
            reply.put("result", "woken");
            reply.put("pid", pid);
            reply.fail("Waking up chef-client daemon...", RpcStatus.OK);
        } finally {
            turn.unlock();
        }
    }

    private void status(RpcRequest request, RpcReply reply) {
        Command.Result result = run(initscript.withArguments("status"));
        switch (result.exitCode()) {
            case 0 -> reply.put("status", "OK");
            case 1 -> reply.put("status", "Missing");
            case 3 -> reply.put("status", "Stopped");
            default -> {
                reply.put("status", "Unknown");
                reply.fail(
                        String.format(
                                "%s status finished with exit code %d%s",
                                initscript, result.exitCode(), detail(result)),
                        RpcStatus.ABORTED);
            }
        }
    }

    private void initAction(String act, RpcReply reply) {
        takeTurn(act);
        try {
            Command.Result result = run(initscript.withArguments(act));
            reply.put("stdout", result.stdout());
            reply.put("stderr", result.stderr());
            reply.put("exitcode", (long) result.exitCode());
            if (result.exitCode() != 0) {
                reply.fail(
                        String.format("%s %s finished with exit code %d", initscript, act, result.exitCode()),
                        RpcStatus.ABORTED);
            }
        } finally {
            turn.unlock();
        }
    }

    /** Waits for this node's other chef actions to finish, but never past the point where no reply could be sent. */
    private void takeTurn(String action) {
        Duration wait = timeout().minus(REPLY_MARGIN);
        try {
            if (!turn.tryLock(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS)) {
                throw RpcException.aborted("Another chef action is still running on this node; " + action
                        + " gave up after " + wait.toSeconds() + "s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RpcException.aborted("Interrupted while waiting to run " + action);
        }
    }

    private Command.Result run(Command command) {
        Duration limit = timeout().minus(REPLY_MARGIN);
        try {
            Command.Result result = command.run(limit);
            if (result.timedOut()) {
                throw RpcException.aborted(command + " did not finish within " + limit.toSeconds() + "s");
            }
            return result;
        } catch (IOException e) {
            throw RpcException.aborted("Cannot run " + command + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RpcException.aborted("Interrupted running " + command);
        }
    }

    private static String detail(Command.Result result) {
        String line = result.firstErrorLine();
        return line.isEmpty() ? "" : ": " + line;
    }
}
