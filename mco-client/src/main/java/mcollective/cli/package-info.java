/**
 * The {@code mco} command line: the root command {@link mcollective.cli.Mco} with every
 * {@link mcollective.cli.Application} as a picocli subcommand, the shared option sections (RPC, Common, Host
 * Filters), MCollective's help layout, OptionParser's error wording and the exit codes.
 */
package mcollective.cli;
