package mcollective.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Standard input as {@code rpc/client.rb detect_and_set_stdin_discovery} sees it: piped data (not a terminal and
 * not at end of input) selects {@code stdin} discovery. Probed lazily, only by applications that discover, since
 * the probe waits for the first byte of an open pipe as Ruby's {@code STDIN.eof?} does.
 */
public final class Stdin {
    private final PushbackInputStream in;
    private final boolean terminal;
    private Boolean piped;

    public Stdin(InputStream in, boolean terminal) {
        this.in = new PushbackInputStream(in, 1);
        this.terminal = terminal;
    }

    /** The process's standard input; a terminal when file descriptor 0 is a tty. */
    public static Stdin system() {
        return new Stdin(System.in, isTerminal(0));
    }

    /** Whether this process's file descriptor {@code fd} (0 in, 1 out) is a terminal. */
    public static boolean isTerminal(int fd) {
        try {
            String target =
                    Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    /** Whether data is piped in. */
    public synchronized boolean isPiped() {
        if (piped == null) {
            piped = !terminal && peek();
        }
        return piped;
    }

    private boolean peek() {
        try {
            int first = in.read();
            if (first < 0) {
                return false;
            }
            in.unread(first);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public InputStream stream() {
        return in;
    }
}
