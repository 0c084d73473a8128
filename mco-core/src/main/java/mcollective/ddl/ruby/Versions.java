package mcollective.ddl.ruby;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Port of {@code Util.versioncmp} (lib/mcollective/util.rb), used for {@code requires :mcollective => "x"}. */
final class Versions {
    private static final Pattern PART = Pattern.compile("[-.]|\\d+|[^-.\\d]+");

    private Versions() {}

    /** Negative, zero or positive as {@code a} is older than, the same as or newer than {@code b}. */
    static int compare(String a, String b) {
        List<String> ax = parts(a);
        List<String> bx = parts(b);
        for (int i = 0; i < Math.min(ax.size(), bx.size()); i++) {
            String x = ax.get(i);
            String y = bx.get(i);
            if (x.equals(y)) {
                continue;
            }
            for (String separator : new String[] {"-", "."}) {
                if (x.equals(separator)) {
                    return -1;
                }
                if (y.equals(separator)) {
                    return 1;
                }
            }
            if (x.matches("\\d+") && y.matches("\\d+") && !x.startsWith("0") && !y.startsWith("0")) {
                return new BigInteger(x).compareTo(new BigInteger(y));
            }
            return Integer.signum(x.toUpperCase(Locale.ROOT).compareTo(y.toUpperCase(Locale.ROOT)));
        }
        return Integer.signum(a.compareTo(b));
    }

    private static List<String> parts(String version) {
        List<String> parts = new ArrayList<>();
        Matcher m = PART.matcher(version);
        while (m.find()) {
            parts.add(m.group());
        }
        return parts;
    }
}
