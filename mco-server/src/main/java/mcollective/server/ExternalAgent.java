package mcollective.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mcollective.ddl.Ddl;
import mcollective.logging.LogSafe;
import mcollective.protocol.codec.Json;
import mcollective.protocol.codec.RubyJson;
import mcollective.rpc.RpcException;
import mcollective.rpc.RpcReply;
import mcollective.rpc.RpcRequest;
import mcollective.rpc.RpcStatus;
import mcollective.spi.support.Command;
import mcollective.spi.support.RpcAgent;

/**
 * An agent whose actions are executables, as MCollective's {@code implemented_by} (port of
 * {@code rpc/actionrunner.rb}). A DDL at {@code <libdir>/mcollective/agent/<agent>.ddl} with a folder
 * {@code <libdir>/mcollective/agent/<agent>/} makes one; action {@code x} runs {@code <folder>/x} with the request
 * as JSON in the file named by its first argument and {@code MCOLLECTIVE_REQUEST_FILE}, and reads the reply
 * JSON object from the second argument / {@code MCOLLECTIVE_REPLY_FILE}.
 *
 * <p>No shell is involved: the executable gets exactly two arguments, the file names, so nothing in a request can
 * reach a command line. It runs in a temporary directory with {@code LC_ALL=C}, is killed at the agent's timeout,
 * and a non-zero exit fails the request with its stderr, as Ruby does.
 */
final class ExternalAgent extends RpcAgent {
    private static final Logger LOG = LoggerFactory.getLogger(ExternalAgent.class);
    private static final ObjectMapper JSON = Json.mapper();
    private static final int MAX_OUTPUT = 1024 * 1024;

    private final String name;
    private final Path folder;
    private final Ddl ddl;

    ExternalAgent(String name, Path folder, Ddl ddl) {
        this.name = name;
        this.folder = folder;
        this.ddl = ddl;
        for (String action : ddl.actions().keySet()) {
            action(action, this::run);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration timeout() {
        return ddl.timeout();
    }

    private void run(RpcRequest request, RpcReply reply) {
        Path command = folder.resolve(request.action());
        if (!Files.isExecutable(command)) {
            throw RpcException.aborted("Cannot execute " + name + "#" + request.action() + " command: " + command);
        }
        Path requestFile = null;
        Path replyFile = null;
        try {
            requestFile = Files.createTempFile("mcollective_request", ".json");
            replyFile = Files.createTempFile("mcollective_reply", ".json");
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("agent", name);
            json.put("action", request.action());
            json.put("sender", request.sender());
            json.put("caller", request.caller());
            json.put("data", RubyJson.plain(request.data()));
            Files.writeString(requestFile, JSON.writeValueAsString(json));
            Command.Result result = Command.of(
                            List.of(command.toString(), requestFile.toString(), replyFile.toString()))
                    .inDirectory(requestFile.getParent())
                    .withEnvironment("MCOLLECTIVE_REQUEST_FILE", requestFile.toString())
                    .withEnvironment("MCOLLECTIVE_REPLY_FILE", replyFile.toString())
                    .withMaxOutput(MAX_OUTPUT)
                    .run(timeout());
            if (result.timedOut()) {
                throw RpcException.aborted("Timeout after " + timeout().toSeconds() + "s running " + command);
            }
            // the command's output may echo request data: each line is escaped like any wire value
            String action = LogSafe.of(request.action());
            result.stdout()
                    .lines()
                    .forEach(l -> LOG.info("{}#{} command: {}: {}", name, action, command, LogSafe.of(l)));
            result.stderr()
                    .lines()
                    .forEach(l -> LOG.error("{}#{} command: {}: {}", name, action, command, LogSafe.of(l)));
            Object data = Files.size(replyFile) == 0 ? Map.of() : JSON.readValue(replyFile.toFile(), Object.class);
            if (!(data instanceof Map<?, ?> map)) {
                throw RpcException.aborted("Reply data from " + command + " is not a Hash");
            }
            map.forEach((k, v) -> reply.put(String.valueOf(k), v));
            if (result.exitCode() > 0) {
                reply.fail("Failed to run " + command + ": " + result.stderr(), RpcStatus.of(result.exitCode()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RpcException.aborted("Interrupted running " + command);
        } catch (IOException e) {
            throw RpcException.aborted("Unexpected failure calling " + command + ": " + e);
        } finally {
            deleteQuietly(requestFile);
            deleteQuietly(replyFile);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debug("Could not delete {}: {}", file, e.toString());
            }
        }
    }
}
