package mcollective.cli.output;

/**
 * Port of {@code lib/mcollective/rpc/progress.rb}: on a terminal
 * {@code \r <twirl> [ ====>    ] cur / total}, elsewhere {@code \rcur / total}.
 */
public final class ProgressBar {
    private static final String[] TWIRL = {"|", "/", "-", "\\"};
    private final boolean terminal;
    private final int width;
    private final Colors colors;
    private int frame;

    public ProgressBar(boolean terminal, int columns, Colors colors) {
        this.terminal = terminal;
        this.width = Math.min(60, Math.max(10, columns - 22));
        this.colors = colors;
    }

    public String twirl(int current, int total) {
        if (!terminal || total == 0) {
            return "\r" + current + " / " + total;
        }
        int done = (int) Math.round((double) current / total * width);
        String mark = current == total ? colors.green("*") : colors.red(TWIRL[frame++ % TWIRL.length]);
        return "\r " + mark + " [ " + "=".repeat(done) + ">" + " ".repeat(width - done) + " ] " + current + " / "
                + total;
    }
}
