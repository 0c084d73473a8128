/** How {@code mco} prints: result blocks, statistics, summaries, progress, colours, Ruby-style inspect and JSON. */
package mcollective.cli.output;
