/**
 * Node-side filter matching, the port of {@code validate_filter?} in lib/mcollective/security/base.rb and the
 * {@code has_*} helpers of util.rb: {@link mcollective.matcher.FilterEvaluator} decides whether a node acts on a
 * request, looking at the node through {@link mcollective.matcher.NodeView}. Regular expressions arrive from the network
 * and are compiled and run defensively.
 */
package mcollective.matcher;
