package mcollective.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import mcollective.McollectiveException;

/**
 * How many of the discovered nodes a call addresses: {@code --limit N} or {@code N%} ({@code --one} is {@code 1}),
 * taken first-found or at random as {@code rpclimitmethod} says, repeatably with {@code --limit-seed}. Port of
 * {@code rpc/client.rb limit_targets=} and {@code pick_nodes_from_discovered}.
 *
 * @param limit  the limit as given; empty for all nodes
 * @param first  whether {@code rpclimitmethod} is {@code first} (else {@code random})
 * @param seed   {@code --limit-seed}
 */
public record NodeLimit(Optional<String> limit, boolean first, Optional<Long> seed) {

    public NodeLimit {
        limit.ifPresent(NodeLimit::requireValid);
    }

    /** No limit: every discovered node. */
    public static NodeLimit none() {
        return new NodeLimit(Optional.empty(), true, Optional.empty());
    }

    /** Refuses a limit that is not {@code N} or {@code N%} with Ruby's message. */
    static void requireValid(String limit) {
        if (!limit.matches("^\\d+%*$")) {
            throw new McollectiveException("Invalid limit specified: " + limit + " Valid limits are /^\\d+%*$/");
        }
    }

    /**
     * How many nodes discovery may stop after: {@code N} when the limit is a number and {@code rpclimitmethod} is
     * {@code first}, so only that many need answering; 0 for all.
     */
    public int discoveryLimit() {
        return limit.filter(l -> first && !l.endsWith("%"))
                .map(Integer::parseInt)
                .orElse(0);
    }

    /** The nodes to address out of those discovered: all without a limit, else the first N or N at random. */
    public List<String> pick(List<String> nodes) {
        if (limit.isEmpty()) {
            return List.copyOf(nodes);
        }
        String given = limit.get();
        int count;
        if (given.endsWith("%")) {
            int pct = (int) (nodes.size() * (Double.parseDouble(given.replace("%", "")) / 100));
            count = pct == 0 ? 1 : pct;
        } else {
            count = Integer.parseInt(given);
        }
        if (nodes.size() <= count) {
            return List.copyOf(nodes);
        }
        if (first) {
            return List.copyOf(nodes.subList(0, count));
        }
        List<String> haystack = new ArrayList<>(nodes);
        Random random = seed.map(Random::new).orElseGet(Random::new);
        if (seed.isPresent()) {
            haystack.sort(null);
        }
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picked.add(haystack.remove(random.nextInt(haystack.size())));
        }
        return picked;
    }
}
