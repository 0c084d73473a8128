package mcollective.cli.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mcollective.client.RpcResult;
import mcollective.ddl.ActionDdl;
import mcollective.ddl.DdlLoader;
import mcollective.rpc.RpcStatus;
import mcollective.testdata.Reference;

/** What the printer tests share: Ruby's own {@code mco} output, the shipped DDLs and results as nodes send them. */
final class Outputs {
    private Outputs() {}

    /** What Ruby's {@code mco} printed, from {@code reference/outputs}. */
    static String ruby(String name) {
        try {
            return Files.readString(Reference.path("outputs/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An action of the shipped {@code rpcutil} DDL. */
    static ActionDdl rpcutil(String action) {
        return new DdlLoader(List.of()).agent("rpcutil").action(action).orElseThrow();
    }

    static ActionLayout layout(String action) {
        ActionDdl ddl = rpcutil(action);
        return new ActionLayout(ddl.display(), ddl.labels());
    }

    static RpcResult ok(String sender, Object... keyValues) {
        return result(sender, 0, "OK", keyValues);
    }

    static RpcResult result(String sender, long code, String message, Object... keyValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            data.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new RpcResult("rpcutil", "x", sender, RpcStatus.of(code), code, message, data);
    }
}
