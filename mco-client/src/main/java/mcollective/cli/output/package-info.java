/** How {@code mco} prints: result blocks, statistics, progress, colours, Ruby-style inspect. */
package mcollective.cli.output;
