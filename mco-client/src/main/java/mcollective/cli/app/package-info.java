/** The built-in {@code mco} applications, one {@link mcollective.cli.Application} subclass each. */
package mcollective.cli.app;
