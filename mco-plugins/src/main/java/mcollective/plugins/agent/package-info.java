/** Agents every node runs: the legacy discovery agent and rpcutil. */
package mcollective.plugins.agent;
