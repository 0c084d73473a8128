package mcollective.cli.app;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import mcollective.cli.AppContext;
import mcollective.cli.Application;
import mcollective.cli.FilterOptions;
import mcollective.cli.RpcOptions;
import mcollective.matcher.DescribeFilter;

/**
 * Port of {@code lib/mcollective/application/describe_filter.rb}: what {@code -F}, {@code -C} and {@code -S} mean,
 * in words, as {@link DescribeFilter#describeAsRuby} renders it. The indentation after a nested closing parenthesis is
 * Ruby's (quirk Q-12, kept so scripts reading it see the same text).
 */
@Command(name = "describe_filter")
public final class DescribeFilterApplication implements Application {
    @Mixin(name = "rpc")
    RpcOptions rpc;

    @Mixin(name = "filter")
    FilterOptions filter;

    @Override
    public String name() {
        return "describe_filter";
    }

    @Override
    public String description() {
        return "Display human readable interpretation of filters";
    }

    @Override
    public List<String> usage() {
        return List.of("mco describe_filter -S <filter> -F <filter> -C <filter>");
    }

    @Override
    public List<String> sections() {
        return List.of("Application Options", "RPC Options", "Host Filters");
    }

    @Override
    public int main(AppContext context) {
        context.out().print(DescribeFilter.describeAsRuby(filter.toFilter()));
        return 0;
    }
}
