package mcollective.cli.app;

import picocli.CommandLine.Command;

import mcollective.cli.AppContext;
import mcollective.cli.Application;
import mcollective.matcher.DescribeFilter;

/**
 * Port of {@code lib/mcollective/application/describe_filter.rb}: what {@code -F}, {@code -C} and {@code -S} mean,
 * in words, as {@link DescribeFilter#describeAsRuby} renders it. The indentation after a nested closing parenthesis is
 * Ruby's (quirk Q-12, kept so scripts reading it see the same text).
 */
@Command(
        name = "describe_filter",
        description = "Display human readable interpretation of filters",
        customSynopsis = {"mco describe_filter -S <filter> -F <filter> -C <filter>"})
public final class DescribeFilterApplication extends Application {
    public DescribeFilterApplication() {
        super(Section.COMMON);
    }

    @Override
    protected int main(AppContext context) {
        context.out().print(DescribeFilter.describeAsRuby(filter.toFilter()));
        return 0;
    }
}
