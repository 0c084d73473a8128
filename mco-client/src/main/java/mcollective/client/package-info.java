/** The client library: requests, reply collection and discovery, usable without the CLI. */
package mcollective.client;
