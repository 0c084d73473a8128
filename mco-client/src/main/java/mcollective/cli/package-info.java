/** The {@code mco} command line: the application SPI, the shared option mixins, help and exit codes. */
package mcollective.cli;
