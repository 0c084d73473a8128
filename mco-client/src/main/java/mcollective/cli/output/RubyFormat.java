package mcollective.cli.output;

/** Ruby's {@code format} strings in Java's {@link String#format}: {@code %s}, {@code %d}, {@code %f} mean the same. */
final class RubyFormat {
    private RubyFormat() {}

    static String toJava(String rubyFormat) {
        // Ruby's %i is Java's %d; the rest of what DDLs use (%s %d %f %0.2f %-10s %%) is shared.
        return rubyFormat.replaceAll("%([-0-9.]*)i", "%$1d");
    }
}
