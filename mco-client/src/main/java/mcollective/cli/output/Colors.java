package mcollective.cli.output;

/** ANSI colours as {@code Util.colorize} uses them, on only when {@code color} is set and output is a terminal. */
public record Colors(boolean on) {
    public String red(String text) {
        return wrap("31", text);
    }

    public String green(String text) {
        return wrap("32", text);
    }

    public String yellow(String text) {
        return wrap("33", text);
    }

    public String bold(String text) {
        return wrap("1", text);
    }

    private String wrap(String code, String text) {
        return on ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
