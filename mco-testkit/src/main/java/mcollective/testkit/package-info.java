/**
 * Test fixtures shared by the integration suites: config writers for test fleets and the real Ruby MCollective
 * (Debian's 2.12.5) run as child processes beside the Java port.
 */
package mcollective.testkit;
