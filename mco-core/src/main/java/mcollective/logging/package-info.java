/**
 * Logging through SLF4J only: {@link mcollective.logging.LogSafe} escapes and bounds values from the wire before they
 * reach a log line. mco-core binds no logging back end; the launchers (mco-server, mco-client) bring Logback and
 * configure it with mco-logging's {@code mcollective.logback.LogSetup}, and a library user with another SLF4J
 * provider keeps its own.
 */
package mcollective.logging;
