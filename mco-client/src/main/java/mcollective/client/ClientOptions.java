package mcollective.client;

import java.util.Optional;

/**
 * Per-invocation client settings that override the config ({@code Util.default_options} and the common CLI
 * options): the target collective ({@code -T}), message TTL ({@code --ttl}), custom reply destination
 * ({@code --reply-to}) and middleware connection timeout ({@code --connection-timeout}).
 */
public record ClientOptions(
        Optional<String> collective,
        Optional<Integer> ttl,
        Optional<String> replyTo,
        Optional<Integer> connectionTimeout) {

    public static ClientOptions defaults() {
        return new ClientOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ClientOptions withCollective(String collective) {
        return new ClientOptions(Optional.of(collective), ttl, replyTo, connectionTimeout);
    }
}
