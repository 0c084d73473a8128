package mcollective.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

import mcollective.McollectiveException;
import mcollective.matcher.CompoundParser;
import mcollective.protocol.FactFilter;
import mcollective.protocol.Filter;

/** The "Host Filters" section, option for option from {@code optionparser.rb add_filter_options}. */
public final class FilterOptions {
    @Option(
            names = {"-W", "--with"},
            paramLabel = "FILTER",
            order = 1,
            description = "Combined classes and facts filter")
    List<String> with = new ArrayList<>();

    @Option(
            names = {"-S", "--select"},
            paramLabel = "FILTER",
            order = 2,
            description = "Compound filter combining facts and classes")
    List<String> select = new ArrayList<>();

    @Option(
            names = {"-F", "--wf", "--with-fact"},
            paramLabel = "fact=val",
            order = 3,
            description = "Match hosts with a certain fact")
    List<String> facts = new ArrayList<>();

    @Option(
            names = {"-C", "--wc", "--with-class"},
            paramLabel = "CLASS",
            order = 4,
            description = "Match hosts with a certain config management class")
    List<String> classes = new ArrayList<>();

    @Option(
            names = {"-A", "--wa", "--with-agent"},
            paramLabel = "AGENT",
            order = 5,
            description = "Match hosts with a certain agent")
    List<String> agents = new ArrayList<>();

    @Option(
            names = {"-I", "--wi", "--with-identity"},
            paramLabel = "IDENT",
            order = 6,
            description = "Match hosts with a certain configured identity")
    List<String> identities = new ArrayList<>();

    /**
     * The filter these options describe. {@code -W} words are facts when they parse as one, else classes, as
     * {@code optionparser.rb} does. Throws with MCollective's message for a malformed fact.
     */
    public Filter toFilter() {
        Filter.Builder filter = Filter.builder();
        for (String words : with) {
            for (String word : words.trim().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                try {
                    filter.addFact(FactFilter.parse(word));
                } catch (McollectiveException notAFact) {
                    filter.addClass(word);
                }
            }
        }
        facts.forEach(f -> filter.addFact(FactFilter.parse(f)));
        classes.forEach(filter::addClass);
        agents.forEach(filter::addAgent);
        identities.forEach(filter::addIdentity);
        select.forEach(s -> filter.addCompound(CompoundParser.parse(s)));
        return filter.build();
    }
}
