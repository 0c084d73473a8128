package mcollective;

/**
 * Root of every exception this project throws, the counterpart of the classes in Ruby's
 * {@code lib/mcollective/exceptions.rb}. Unchecked: no SPI method declares a checked exception.
 * Messages name the value at fault.
 */
public class McollectiveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public McollectiveException(String message) {
        super(message);
    }

    public McollectiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
