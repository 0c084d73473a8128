package mcollective.testkit.fleet;

/**
 * Runs steps that must all be tried (stopping a fleet's nodes, waiting for them to start) and keeps the first
 * failure, with the later ones suppressed in it. Not thread-safe.
 */
final class Failures {
    private RuntimeException first;

    /** Runs {@code step}, keeping what it throws. */
    void attempt(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            add(e);
        }
    }

    void add(RuntimeException failure) {
        if (first == null) {
            first = failure;
        } else if (first != failure) {
            first.addSuppressed(failure);
        }
    }

    /** Throws the first failure, if any. */
    void rethrow() {
        if (first != null) {
            throw first;
        }
    }
}
