package mcollective.plugins.agent;

import java.time.Duration;
import java.util.Optional;

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
    public java.util.Map<String, Object> meta() {
        java.util.Map<String, Object> meta = new java.util.LinkedHashMap<>();
        meta.put("license", "Apache License, Version 2");
        meta.put("author", "R.I.Pienaar <rip@devco.net>");
        meta.put("timeout", 5L);
        meta.put("name", "Discovery Agent");
        meta.put("version", mcollective.Version.VERSION);
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
                + (body instanceof byte[] b
                        ? new String(b, java.nio.charset.StandardCharsets.UTF_8)
                        : String.valueOf(body)));
    }
}
