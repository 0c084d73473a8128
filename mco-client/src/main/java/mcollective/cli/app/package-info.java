/** The built-in {@code mco} applications, one class each. */
package mcollective.cli.app;
