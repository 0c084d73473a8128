package mcollective.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What Ruby's OptionParser says about a command line picocli rejected, naming the switch as the user typed it:
 * {@code invalid option: --foo}, {@code missing argument: -t}, {@code invalid argument: --timeout foo} (or
 * {@code --timeout=foo}, {@code -tfoo}), {@code needless argument: --graph=yes}.
 */
final class OptparseMessages {
    private OptparseMessages() {}

    /** The message for {@code e}, thrown while parsing {@code args}; picocli's own for anything else. */
    static String of(ParameterException e, List<String> args) {
        if (e instanceof UnmatchedArgumentException unmatched && unmatched.isUnknownOption()) {
            return "invalid option: " + unknownOption(unmatched.getUnmatched().get(0), e);
        }
        if (e instanceof MissingParameterException missing
                && !missing.getMissing().isEmpty()) {
            ArgSpec spec = missing.getMissing().get(0);
            if (spec instanceof OptionSpec option) {
                return "missing argument: " + typed(option, args).orElse(option.shortestName());
            }
        }
        if (e.getArgSpec() instanceof OptionSpec option && e.getValue() != null) {
            String value = e.getValue();
            String word = typed(option, value, args).orElse(option.longestName() + " " + value);
            return (option.arity().max() == 0 ? "needless argument: " : "invalid argument: ") + word;
        }
        return e.getMessage();
    }

    /** The first switch of a cluster ({@code -gx}) that is no option: {@code -x}. */
    private static String unknownOption(String word, ParameterException e) {
        if (word.startsWith("--") || word.length() <= 2) {
            return word;
        }
        for (int i = 1; i < word.length(); i++) {
            String flag = "-" + word.charAt(i);
            OptionSpec option = e.getCommandLine().getCommandSpec().findOption(flag);
            if (option == null) {
                return flag;
            }
            if (option.arity().max() > 0) {
                return word;
            }
        }
        return word;
    }

    /** The last word that is one of {@code option}'s names, alone or with a short option's clustered flags. */
    private static Optional<String> typed(OptionSpec option, List<String> args) {
        for (int i = args.size() - 1; i >= 0; i--) {
            String word = args.get(i);
            if (Arrays.asList(option.names()).contains(word)) {
                return Optional.of(word);
            }
        }
        return Optional.empty();
    }

    /** How {@code value} was given to {@code option}: {@code -t foo}, {@code --timeout=foo} or {@code -tfoo}. */
    private static Optional<String> typed(OptionSpec option, String value, List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            for (String name : option.names()) {
                if (word.equals(name) && i + 1 < args.size() && args.get(i + 1).equals(value)) {
                    return Optional.of(word + " " + value);
                }
                if (word.equals(name + "=" + value) || (!name.startsWith("--") && word.equals(name + value))) {
                    return Optional.of(word);
                }
            }
        }
        return Optional.empty();
    }
}
