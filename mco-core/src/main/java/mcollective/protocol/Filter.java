package mcollective.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Port of the {@code :filter} hash of a request (lib/mcollective/util.rb {@code empty_filter}, optionparser.rb
 * {@code add_filter_options}): which nodes should act on a request. Immutable and thread-safe; all lists are
 * unmodifiable and never null.
 *
 * <p>{@code standardShape} remembers a detail of Ruby's node-side check: a filter matches every node only if it
 * <em>equals</em> {@code {}} or the five-key empty filter. A wire hash with all criteria empty but an extra key (such
 * as {@code "collective"} alone) or with some of the five keys missing matches nobody. Filters built in Java always
 * have the standard shape.
 *
 * @param fact          fact criteria ({@code -F}), AND-ed
 * @param cfClass       configuration-management classes ({@code -C}), exact name or {@code /re/}, AND-ed
 * @param agent         agents the node must have ({@code -A}), name or {@code /re/}, AND-ed
 * @param identity      identities ({@code -I}), name or {@code /re/}; exactly one must match
 * @param compound      compound ({@code -S}) callstacks, each a list of single-entry token maps, AND-ed
 * @param collective    the collective added by RPC discovery; not evaluated by nodes
 * @param standardShape false if the wire hash had unknown keys or lacked some of the five standard keys
 */
public record Filter(
        List<FactFilter> fact,
        List<String> cfClass,
        List<String> agent,
        List<String> identity,
        List<List<Map<String, Object>>> compound,
        Optional<String> collective,
        boolean standardShape) {

    static final String FACT = "fact";
    static final String CF_CLASS = "cf_class";
    static final String AGENT = "agent";
    static final String IDENTITY = "identity";
    static final String COMPOUND = "compound";
    static final String COLLECTIVE = "collective";

    private static final Filter EMPTY = new Builder().build();

    /** Copies every list into an unmodifiable one; rejects null components and null elements. */
    public Filter {
        fact = List.copyOf(fact);
        cfClass = List.copyOf(cfClass);
        agent = List.copyOf(agent);
        identity = List.copyOf(identity);
        compound = compound.stream().map(Filter::freezeCallstack).toList();
        Objects.requireNonNull(collective, "collective");
    }

    /**
     * A filter of the standard shape.
     *
     * @see #Filter(List, List, List, List, List, Optional, boolean)
     */
    public Filter(
            List<FactFilter> fact,
            List<String> cfClass,
            List<String> agent,
            List<String> identity,
            List<List<Map<String, Object>>> compound,
            Optional<String> collective) {
        this(fact, cfClass, agent, identity, compound, collective, true);
    }

    /**
     * @return the filter without criteria, which every node passes
     */
    public static Filter empty() {
        return EMPTY;
    }

    /**
     * @return a builder for a filter of the standard shape
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return true if there are no fact, class, agent, identity or compound criteria (collective and shape ignored)
     */
    public boolean isEmpty() {
        return fact.isEmpty() && cfClass.isEmpty() && agent.isEmpty() && identity.isEmpty() && compound.isEmpty();
    }

    /**
     * Ruby's {@code Util.empty_filter?}: the filter equals {@code {}} or the five-key empty filter, so a node passes
     * it without any check.
     *
     * @return true if every node passes this filter
     */
    public boolean matchesAllNodes() {
        return isEmpty() && collective.isEmpty() && standardShape;
    }

    /** The same filter with {@code "collective"} set, as RPC discovery sends it. */
    public Filter withCollective(String name) {
        return new Filter(fact, cfClass, agent, identity, compound, Optional.of(name), standardShape);
    }

    /** The same filter with this agent added, unless it is there already (an RPC client adds its agent). */
    public Filter withAgent(String name) {
        if (agent.contains(name)) {
            return this;
        }
        List<String> agents = new ArrayList<>(agent);
        agents.add(name);
        return new Filter(fact, cfClass, agents, identity, compound, collective, standardShape);
    }

    /**
     * The wire form: a Hash with String keys {@code "fact", "cf_class", "agent", "identity", "compound"} in that order
     * (as Ruby writes them), then {@code "collective"} only when present. Fact entries are Symbol-keyed hashes.
     *
     * @return a new mutable, insertion-ordered map of mutable lists
     */
    public Map<Object, Object> toRuby() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(FACT, new ArrayList<>(fact.stream().map(FactFilter::toRuby).toList()));
        map.put(CF_CLASS, new ArrayList<>(cfClass));
        map.put(AGENT, new ArrayList<>(agent));
        map.put(IDENTITY, new ArrayList<>(identity));
        List<Object> stacks = new ArrayList<>();
        for (List<Map<String, Object>> stack : compound) {
            List<Object> tokens = new ArrayList<>();
            stack.forEach(token -> tokens.add(new LinkedHashMap<>(token)));
            stacks.add(tokens);
        }
        map.put(COMPOUND, stacks);
        collective.ifPresent(c -> map.put(COLLECTIVE, c));
        return map;
    }

    /**
     * Reads a wire {@code :filter} value. Lenient about what Ruby tolerates (unknown keys, missing keys, the legacy
     * {@code puppet_class} key, a non-String collective), strict about what would crash a Ruby node (a list that is not
     * an Array, an element of the wrong type), which is reported as an exception rather than a
     * {@link ClassCastException}.
     *
     * @param wire the decoded value, of any type (it comes from the network); may be null
     * @return the filter
     * @throws InvalidFilterException if the value has a shape no Ruby node could evaluate
     */
    public static Filter fromRuby(Object wire) {
        return FilterReader.read(wire);
    }

    private static List<Map<String, Object>> freezeCallstack(List<Map<String, Object>> stack) {
        List<Map<String, Object>> tokens = new ArrayList<>();
        for (Map<String, Object> token : stack) {
            Objects.requireNonNull(token, "compound token");
            tokens.add(freezeMap(token));
        }
        return Collections.unmodifiableList(tokens);
    }

    private static <K> Map<K, Object> freezeMap(Map<K, ?> map) {
        Map<K, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, freeze(v)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            return freezeMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(freeze(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    /** Collects criteria for a {@link Filter} of the standard shape. Not thread-safe. */
    public static final class Builder {
        private final List<FactFilter> fact = new ArrayList<>();
        private final List<String> cfClass = new ArrayList<>();
        private final List<String> agent = new ArrayList<>();
        private final List<String> identity = new ArrayList<>();
        private final List<List<Map<String, Object>>> compound = new ArrayList<>();
        private Optional<String> collective = Optional.empty();

        private Builder() {}

        /** @param filter a fact criterion; never null @return this builder */
        public Builder addFact(FactFilter filter) {
            fact.add(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /**
         * @param filter a fact filter string such as {@code country=uk}; never null
         * @return this builder
         * @throws InvalidFilterException if the string holds no operator
         */
        public Builder addFact(String filter) {
            return addFact(FactFilter.parse(filter));
        }

        /** @param cfClass a class name or {@code /re/}; never null @return this builder */
        public Builder addClass(String cfClass) {
            this.cfClass.add(Objects.requireNonNull(cfClass, "cfClass"));
            return this;
        }

        /** @param agent an agent name or {@code /re/}; never null @return this builder */
        public Builder addAgent(String agent) {
            this.agent.add(Objects.requireNonNull(agent, "agent"));
            return this;
        }

        /** @param identity an identity or {@code /re/}; never null @return this builder */
        public Builder addIdentity(String identity) {
            this.identity.add(Objects.requireNonNull(identity, "identity"));
            return this;
        }

        /** @param callstack a compound callstack of single-entry token maps; never null @return this builder */
        public Builder addCompound(List<Map<String, Object>> callstack) {
            compound.add(List.copyOf(callstack));
            return this;
        }

        /** @param collective the collective RPC discovery adds; never null @return this builder */
        public Builder collective(String collective) {
            this.collective = Optional.of(collective);
            return this;
        }

        /** @return the filter */
        public Filter build() {
            return new Filter(fact, cfClass, agent, identity, compound, collective, true);
        }
    }
}
