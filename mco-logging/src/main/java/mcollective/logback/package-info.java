/**
 * The launchers' Logback configuration (module mco-logging, used by mco-server and mco-client):
 * {@link mcollective.logback.LogSetup} applies {@code logger_type}, {@code logfile} and {@code loglevel}, cycles the
 * level and reopens the file on the daemon's signals; {@link mcollective.logback.EscapingLayouts} and its two
 * converters keep every event on one line, whatever the message or exception holds.
 */
package mcollective.logback;
