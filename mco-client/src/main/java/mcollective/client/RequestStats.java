package mcollective.client;

import java.time.Duration;

/**
 * What one request produced: its id, how many valid replies came and how long the client waited
 * ({@code client.rb update_stat}).
 */
public record RequestStats(String requestId, int responses, Duration blockTime) {
}
