/**
 * Logging set-up from the config. Logback is an optional dependency of mco-core: the node and the CLI bring it;
 * a library user with another SLF4J provider simply gets no reconfiguration.
 */
package mcollective.logging;
