/**
 * The {@code mco chef} application. mco-client is an optional dependency of mco-chef, so a node (mco-server has
 * mco-chef at runtime) runs the chef plugins without the client; {@code bin/mco} puts mco-chef on its class path.
 */
package mcollective.chef.app;
