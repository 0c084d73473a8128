package mcollective.testkit.fleet;

import java.nio.file.Path;

import mcollective.testkit.RunningNode;

/** A Java node in the test JVM, as a {@link Fleet} holds it: stopped once, whoever closes it first. */
final class InProcessNode implements RunningNode {
    private final Path dir;
    private final InProcessJava.StartedNode node;
    private boolean stopped;

    InProcessNode(Path dir, InProcessJava.StartedNode node) {
        this.dir = dir;
        this.node = node;
    }

    @Override
    public Path dir() {
        return dir;
    }

    @Override
    public synchronized boolean isAlive() {
        return !stopped;
    }

    @Override
    public String log() {
        return "";
    }

    @Override
    public long stat(String counter) {
        return node.stat(counter);
    }

    @Override
    public synchronized void close() {
        if (!stopped) {
            stopped = true;
            node.stop();
        }
    }
}
