/**
 * Filters in both directions. On the node: the port of {@code validate_filter?} in lib/mcollective/security/base.rb
 * and the {@code has_*} helpers of util.rb: {@link mcollective.matcher.FilterEvaluator} decides whether a node acts
 * on a request, looking at the node through {@link mcollective.spi.NodeView}; compound callstacks go through
 * {@link mcollective.matcher.DefaultCompoundEvaluator} and their data functions through
 * {@link mcollective.matcher.DataPluginEvaluator}. Regular expressions arrive from the network: {@code FilterRegex}
 * bounds their length and runs them through {@link mcollective.ruby.RubyRegex} with a step budget; numbers and strings
 * compare as {@link mcollective.ruby.RubyNumbers} and {@link mcollective.ruby.RubyValues} say Ruby does. On the client: {@link mcollective.matcher.CompoundParser} (with
 * {@link mcollective.matcher.CompoundScanner}) turns {@code -S} text into Ruby's callstack, and
 * {@link mcollective.matcher.DescribeFilter} renders {@code mco describe_filter}.
 */
package mcollective.matcher;
