/** The node daemon: the runner, request processing, statistics and the {@code mcollectived} entry point. */
package mcollective.server;
