package mcollective.rpc;

import mcollective.McollectiveException;

/**
 * An action failure that carries its status code. Port of {@code RPCAborted}, {@code UnknownRPCAction},
 * {@code MissingRPCData}, {@code InvalidRPCData} and {@code UnknownRPCError} from {@code exceptions.rb}; the
 * factory methods name which.
 */
public class RpcException extends McollectiveException {
    private static final long serialVersionUID = 1L;
    private final RpcStatus status;

    public RpcException(RpcStatus status, String message) {
        super(message);
        this.status = status;
    }

    public RpcStatus status() {
        return status;
    }

    public static RpcException aborted(String message) {
        return new RpcException(RpcStatus.ABORTED, message);
    }

    public static RpcException unknownAction(String message) {
        return new RpcException(RpcStatus.UNKNOWN_ACTION, message);
    }

    public static RpcException missingData(String message) {
        return new RpcException(RpcStatus.MISSING_DATA, message);
    }

    public static RpcException invalidData(String message) {
        return new RpcException(RpcStatus.INVALID_DATA, message);
    }
}
