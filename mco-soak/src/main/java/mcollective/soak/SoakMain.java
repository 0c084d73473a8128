package mcollective.soak;

import java.nio.file.Path;

/** {@code bin/soak}: starts the node, runs the {@link Soak}, stops the node; exit 0 only if the node survived. */
public final class SoakMain {
    private SoakMain() {}

    /** Entry point; the working directory is the repository root. */
    public static void main(String[] args) throws Exception {
        Path root =
                Path.of(System.getProperty("soak.root", ".")).toAbsolutePath().normalize();
        SoakOptions options;
        try {
            options = SoakOptions.parse(args, root);
        } catch (SoakOptions.HelpRequested e) {
            System.out.print(SoakOptions.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(options, root) ? 0 : 1);
    }

    /** Starts a node under {@code options.dir()}, soaks it and stops it; whether it survived. */
    public static boolean run(SoakOptions options, Path root) throws Exception {
        try (NodeProcess node = NodeProcess.start(root, options.dir())) {
            System.out.println("node pid " + node.pid() + ", broker 127.0.0.1:"
                    + node.broker().port() + ", dir " + options.dir());
            return new Soak(options, node, new Probe(root, node.clientCfg()), System.out).run();
        }
    }
}
