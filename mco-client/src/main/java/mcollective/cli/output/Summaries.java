package mcollective.cli.output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import mcollective.client.RpcResult;
import mcollective.ddl.ActionDdl;
import mcollective.ddl.AggregateCall;

/**
 * The client-side summaries of a {@code summarize} block. Port of {@code lib/mcollective/aggregate.rb} and the
 * {@code summary}, {@code sum} and {@code average} plugins (plus {@code boolean_summary}, which counts true/false
 * under the labels its arguments give), rendered as {@code Stats#text_for_aggregates} prints them.
 */
public final class Summaries {
    private static final Set<String> FUNCTIONS = Set.of("summary", "boolean_summary", "sum", "average");

    private final ActionDdl action;
    private final Colors colors;
    private final List<RpcResult> results = new ArrayList<>();

    public Summaries(ActionDdl action, Colors colors) {
        this.action = action;
        this.colors = colors;
    }

    public void add(RpcResult result) {
        if (result.ok()) {
            results.add(result);
        }
    }

    /**
     * The summaries' text, or "" when the action declares none. As {@code Aggregate#summarize} and
     * {@code Stats#text_for_aggregates} order them: the computed summaries sorted by output name, then the ones that
     * could not be computed, in declaration order and named by their output.
     */
    public String text() {
        List<Map.Entry<String, String>> computed = new ArrayList<>();
        StringBuilder failed = new StringBuilder();
        for (AggregateCall call : action.aggregates()) {
            if (!action.outputs().containsKey(call.output())) {
                failed.append(failure(call, "unspecified output '" + call.output() + "' for the action"));
                continue;
            }
            if (!FUNCTIONS.contains(call.function())) {
                failed.append(failure(call, "exception raised while processing startup hook"));
                continue;
            }
            String report;
            try {
                report = report(call);
            } catch (RuntimeException e) {
                failed.append(failure(call, "exception raised while processing result data"));
                continue;
            }
            computed.add(Map.entry(call.output(), summary(call, report)));
        }
        computed.sort(Map.Entry.comparingByKey());
        StringBuilder text = new StringBuilder();
        computed.forEach(entry -> text.append(entry.getValue()));
        return text.append(failed).toString();
    }

    private String summary(AggregateCall call, String report) {
        String displayAs = action.labels().getOrDefault(call.output(), call.output());
        StringBuilder text = new StringBuilder(colors.bold("Summary of " + displayAs + ":")).append("\n\n");
        if (report.isEmpty()) {
            text.append(colors.yellow("     No aggregate summary could be computed"))
                    .append('\n');
        } else {
            report.lines().forEach(line -> text.append("   ").append(line).append('\n'));
        }
        return text.append('\n').toString();
    }

    private String failure(AggregateCall call, String reason) {
        return colors.bold("Summary of " + call.output() + ":") + "\n\n"
                + colors.yellow("     Could not compute summary - " + reason) + "\n\n";
    }

    private String report(AggregateCall call) {
        return switch (call.function()) {
            case "summary" -> collection(call, counts(call, Map.of()));
            case "boolean_summary" -> collection(call, counts(call, call.arguments()));
            case "sum" -> numeric(call, false, "Sum of " + call.output() + ": %f");
            case "average" -> numeric(call, true, "Average of " + call.output() + ": %f");
            default -> throw new IllegalStateException("unknown aggregate " + call.function());
        };
    }

    private Map<String, Integer> counts(AggregateCall call, Map<String, Object> labels) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RpcResult result : results) {
            Object value = result.data().get(call.output());
            if (value == null) {
                continue;
            }
            for (Object each : value instanceof List<?> list ? list : List.of(value)) {
                String key = String.valueOf(labels.getOrDefault(String.valueOf(each), RubyInspect.plain(each)));
                counts.merge(key, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String collection(AggregateCall call, Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "";
        }
        int width = counts.keySet().stream().mapToInt(String::length).max().orElse(0);
        String format = call.format().orElse("%" + width + "s = %s");
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.comparingByValue());
        Collections.reverse(sorted);
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Integer> entry : sorted) {
            text.append(String.format(Locale.ROOT, RubyFormat.toJava(format), entry.getKey(), entry.getValue()))
                    .append('\n');
        }
        return text.toString().stripTrailing();
    }

    private String numeric(AggregateCall call, boolean average, String defaultFormat) {
        double total = 0;
        int count = 0;
        for (RpcResult result : results) {
            if (result.data().get(call.output()) instanceof Number n) {
                total += n.doubleValue();
                count++;
            }
        }
        if (count == 0) {
            return "";
        }
        return String.format(
                Locale.ROOT, RubyFormat.toJava(call.format().orElse(defaultFormat)), average ? total / count : total);
    }
}
