package mcollective.cli;

import picocli.CommandLine.IExitCodeExceptionMapper;

import mcollective.client.RpcStats;

/**
 * The exit codes of {@code mco}, in one place. Port of {@code application.rb halt_code}, the exit code for a
 * request's statistics:
 * <ul>
 * <li>0: nodes discovered, all responded, none failed; or no discovery and at least one response</li>
 * <li>1: nothing discovered and no responses</li>
 * <li>2: some RPC results failed</li>
 * <li>3: nodes discovered but no responses</li>
 * <li>4: no discovery done and no responses (e.g. {@code mco ping} with no replies)</li>
 * </ul>
 * and of {@code application_failure}: every failure, an unknown option as much as a broker that will not answer,
 * exits 1 ({@link #MAPPER}).
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;

    /** picocli's exit code for an exception, parse errors included: {@link #FAILURE}, as {@code exit 1} in Ruby. */
    public static final IExitCodeExceptionMapper MAPPER = exception -> FAILURE;

    private ExitCodes() {}

    public static int haltCode(double discoveryTime, int discovered, int responses, int failCount) {
        if (discoveryTime == 0 && responses == 0) {
            return 4;
        }
        if (discovered > 0) {
            if (responses == 0) {
                return 3;
            }
            if (failCount > 0) {
                return 2;
            }
        }
        if (discovered == 0) {
            return responses > 0 ? 0 : 1;
        }
        return 0;
    }

    /** {@link #haltCode(double, int, int, int)} of a finished call's statistics. */
    public static int haltCode(RpcStats stats) {
        return haltCode(
                stats.discoveryTime().toNanos() / 1e9, stats.discoveredCount(), stats.responses(), stats.failCount());
    }
}
