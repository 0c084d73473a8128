/**
 * Authorization plugins: {@code action_policy}, the policy-file authorization of the actionpolicy plugin
 * (choria-legacy/mcollective-actionpolicy-auth), failing closed.
 */
package mcollective.plugins.authorization;
