package mcollective.protocol;

import java.util.regex.Pattern;

/** The callerid rule of {@code security/base.rb valid_callerid?}: {@code /^[\w]+=[\w\.\-]+$/}. */
public final class CallerId {
    private static final Pattern VALID = Pattern.compile("^[\\w]+=[\\w.\\-]+$");

    private CallerId() {}

    public static boolean isValid(String callerId) {
        return callerId != null && VALID.matcher(callerId).matches();
    }
}
