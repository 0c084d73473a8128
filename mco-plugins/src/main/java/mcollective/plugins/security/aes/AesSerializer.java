package mcollective.plugins.security.aes;

import mcollective.McollectiveException;
import mcollective.logging.LogSafe;
import mcollective.plugins.security.ssl.RubyYaml;
import mcollective.protocol.codec.RubyMarshal;

/**
 * How aes_security serialises both the outer envelope and the encrypted plaintext, per
 * {@code plugin.aes.serializer} ({@code marshal}, the default, or {@code yaml}; anything else is Marshal in Ruby).
 * Implementations are thread-safe.
 */
interface AesSerializer {
    /** Ruby's {@code Marshal.dump} / {@code YAML.dump} of the value. */
    byte[] dump(Object value);

    /**
     * Ruby's {@code Marshal.load} / {@code YAML.safe_load(text, [Symbol, Regexp])}.
     *
     * @throws McollectiveException when the bytes are not a value of this format
     */
    Object load(byte[] bytes);

    /** Psych's YAML, through the codec ssl uses ({@link RubyYaml}). */
    AesSerializer YAML = new AesSerializer() {
        @Override
        public byte[] dump(Object value) {
            return RubyYaml.SERIALIZER.dump(value);
        }

        @Override
        public Object load(byte[] bytes) {
            return RubyYaml.SERIALIZER.load(bytes);
        }
    };

    /** Ruby Marshal 4.8 through {@link RubyMarshal}. */
    AesSerializer MARSHAL = new AesSerializer() {
        @Override
        public byte[] dump(Object value) {
            return RubyMarshal.dump(value);
        }

        @Override
        public Object load(byte[] bytes) {
            return RubyMarshal.load(bytes);
        }
    };

    /**
     * The serializer {@code plugin.aes.serializer} names. Ruby treats every value but {@code yaml} as Marshal; so does
     * this, case-sensitively as Ruby compares.
     */
    static AesSerializer named(String name) {
        if ("yaml".equals(name)) {
            return YAML;
        }
        if (!"marshal".equals(name)) {
            // Ruby silently uses Marshal for any other value; say so once, at start-up.
            AesSecurityProvider.LOG.warn(
                    "plugin.aes.serializer = {} is neither yaml nor marshal; using marshal as Ruby does",
                    LogSafe.of(name));
        }
        return MARSHAL;
    }
}
