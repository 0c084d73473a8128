/**
 * Discovery methods: {@code mc} (a broadcast the nodes answer, windowed), {@code flatfile} and {@code stdin}
 * (identity lists read offline, which the client addresses directly). Each declares what it can do (the filters it
 * honours, whether it is a broadcast method, its default timeout); the client decides from that alone.
 */
package mcollective.plugins.discovery;
