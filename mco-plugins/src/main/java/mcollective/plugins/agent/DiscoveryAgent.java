package mcollective.plugins.agent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import mcollective.Version;
import mcollective.protocol.Request;
import mcollective.spi.Agent;

/**
 * Port of {@code lib/mcollective/agent/discovery.rb}: the legacy, non-RPC agent that {@code mc} discovery and
 * {@code mco ping} talk to. Body {@code "ping"} is answered {@code "pong"}; anything else
 * {@code "Unknown Request: <body>"}.
 */
public final class DiscoveryAgent implements Agent {

    @Override
    public String name() {
        return "discovery";
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(5);
    }

    /** The metadata Ruby's discovery agent reports, in its order. */
    @Override
    public Map<String, Object> meta() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("license", "Apache License, Version 2");
        meta.put("author", "R.I.Pienaar <rip@devco.net>");
        meta.put("timeout", 5L);
        meta.put("name", "Discovery Agent");
        meta.put("version", Version.VERSION);
        meta.put("url", "https://docs.puppetlabs.com/mcollective/");
        meta.put("description", "MCollective Discovery Agent");
        return meta;
    }

    @Override
    public Optional<Object> handle(Request request) {
        Object body = request.body();
        if ("ping".equals(body)) {
            return Optional.of("pong");
        }
        return Optional.of("Unknown Request: "
                + (body instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(body)));
    }
}
