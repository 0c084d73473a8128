/** Discovery methods: {@code mc} (network, windowed), {@code flatfile} and {@code stdin}. */
package mcollective.plugins.discovery;
