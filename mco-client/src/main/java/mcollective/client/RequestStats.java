package mcollective.client;

import java.time.Duration;

/**
 * What one request produced: its id, how many valid replies came, how many replies were refused (they failed the
 * security check, were sealed for another client, could not be decoded, or made the caller fail) and how long the client waited
 * ({@code client.rb update_stat}).
 */
public record RequestStats(String requestId, int responses, int refused, Duration blockTime) {}
