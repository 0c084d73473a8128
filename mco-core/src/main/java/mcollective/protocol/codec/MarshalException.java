package mcollective.protocol.codec;

import mcollective.McollectiveException;

/** A Marshal stream that is malformed, truncated, too large or deep, or holds a type this codec refuses. */
public class MarshalException extends McollectiveException {
    private static final long serialVersionUID = 1L;

    public MarshalException(String message) {
        super(message);
    }
}
