package mcollective.rpc;

/** SimpleRPC status codes ({@code rpc/agent.rb}, {@code rpc/reply.rb}) with the text {@code mco rpc} prints. */
public enum RpcStatus {
    OK(0, ""),
    ABORTED(1, "Request Aborted"),
    UNKNOWN_ACTION(2, "Unknown Action"),
    MISSING_DATA(3, "Missing Request Data"),
    INVALID_DATA(4, "Invalid Request Data"),
    UNKNOWN_ERROR(5, "Unknown Request Status");

    private final int code;
    private final String text;

    RpcStatus(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    /** The per-host status text of {@code mco rpc} output ({@code rpc/helpers.rb text_for_result}). */
    public String text() {
        return text;
    }

    /** The status for a wire code; anything unknown is {@link #UNKNOWN_ERROR}. */
    public static RpcStatus of(long code) {
        for (RpcStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return UNKNOWN_ERROR;
    }
}
