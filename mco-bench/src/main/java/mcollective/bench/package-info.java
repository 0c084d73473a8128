/**
 * JMH benchmarks, run by {@code bin/bench} (figures in {@code docs/performance.md}); never part of the tests.
 * {@link mcollective.bench.VerifyBench} measures how many requests a node verifies per second with each security
 * provider.
 */
package mcollective.bench;
