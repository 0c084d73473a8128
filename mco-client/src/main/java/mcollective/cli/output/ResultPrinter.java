package mcollective.cli.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mcollective.client.RpcResult;
import mcollective.protocol.codec.RubySymbol;
import mcollective.rpc.RpcStatus;

/**
 * The text of SimpleRPC results. Port of {@code rpc/helpers.rb rpcresults}, {@code text_for_result} and
 * {@code old_rpcresults}: per-host blocks aligned by {@code display_as} and filtered by the action's
 * {@code display} mode, or with {@code -v} the raw status and data of every host.
 */
public final class ResultPrinter {
    private final Colors colors;

    public ResultPrinter(Colors colors) {
        this.colors = colors;
    }

    /** One result's block, or "" when the display mode hides it. */
    public String text(RpcResult result, ActionLayout layout, boolean verbose) {
        if (verbose) {
            return verbose(result);
        }
        boolean show = switch (layout.display()) {
            case "ok" -> result.statuscode() == 0;
            case "always" -> true;
            default -> result.statuscode() > 0;
        };
        return show ? block(result, layout) : "";
    }

    private String block(RpcResult result, ActionLayout layout) {
        RpcStatus code = RpcStatus.of(Math.max(0, Math.min(5, result.statuscode())));
        String status = switch (code) {
            case ABORTED, UNKNOWN_ERROR -> colors.red(code.text());
            case OK -> "";
            default -> colors.yellow(code.text());
        };
        StringBuilder text = new StringBuilder(String.format("%-40s %s%n", result.sender(), status));
        if (!result.statusmsg().equals("OK")) {
            text.append(String.format("   %s%n", colors.yellow(result.statusmsg())));
        }
        if (result.statuscode() == 0) {
            Map<String, Object> data = result.data();
            int longest = 0;
            for (String key : data.keySet()) {
                longest = Math.max(longest, layout.label(key).orElse(key).length());
            }
            List<String> keys = new ArrayList<>(data.keySet());
            keys.sort(null);
            for (String key : keys) {
                String label = layout.label(key).orElse(key);
                int padding = longest - label.length() + 3;
                text.append(" ".repeat(padding)).append(label).append(':');
                Object value = data.get(key);
                if (value instanceof String || value instanceof Number) {
                    String string = value.toString();
                    // Ruby's split("\n") drops trailing empty lines, and gives nothing for ""; so does Java's.
                    String[] lines = string.isEmpty() ? new String[0] : string.split("\n");
                    if (lines.length == 0) {
                        text.append('\n');
                    }
                    for (int i = 0; i < lines.length; i++) {
                        text.append(i == 0 ? " " : " ".repeat(padding + label.length() + 2))
                                .append(lines[i])
                                .append('\n');
                    }
                } else {
                    String pad = " ".repeat(longest + 5);
                    text.append(' ')
                            .append(String.join(
                                    "\n" + pad, RubyPretty.pretty(value).split("\n")))
                            .append('\n');
                }
            }
        }
        return text.append('\n').toString();
    }

    /** {@code old_rpcresults} with {@code :verbose}. */
    private String verbose(RpcResult result) {
        StringBuilder text = new StringBuilder(String.format("%-40s: %s%n", result.sender(), result.statusmsg()));
        if (result.statuscode() <= 1) {
            Map<Object, Object> symbols = new LinkedHashMap<>();
            result.data().forEach((k, v) -> symbols.put(RubySymbol.of(k), v));
            // old_rpcresults joins pp's lines with no newline between them, as printed here.
            for (String line : RubyPretty.pretty(symbols).split("\n")) {
                text.append("    ").append(line);
            }
            text.append("\n\n");
        } else if (result.statuscode() >= 5) {
            text.append("    ").append(result.statusmsg());
        }
        return text.toString();
    }
}
