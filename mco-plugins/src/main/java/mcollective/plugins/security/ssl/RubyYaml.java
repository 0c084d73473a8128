package mcollective.plugins.security.ssl;

import java.nio.charset.StandardCharsets;

import mcollective.spi.support.SecurityEnvelope;

/**
 * {@code plugin.ssl_serializer = yaml}: Ruby's {@code YAML.dump} and {@code YAML.safe_load(text, [Symbol, Regexp])}
 * (Psych) for the values MCollective sends, shared by ssl and aes_security: Hashes, Arrays, Strings, Symbols, Integers, Floats, true, false, nil and
 * Regexps. The bytes need not equal Psych's, since the signature covers what was sent; what matters is that each side
 * loads the other's text into the same Ruby values ({@link RubyYamlWriter}, {@link RubyYamlReader}).
 */
public final class RubyYaml {
    /** The YAML serializer for {@link SecurityEnvelope}. */
    public static final SecurityEnvelope.Serializer SERIALIZER = new SecurityEnvelope.Serializer() {
        @Override
        public byte[] dump(Object value) {
            return RubyYamlWriter.dump(value).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Object load(byte[] data) {
            return RubyYamlReader.load(new String(data, StandardCharsets.UTF_8));
        }
    };

    private RubyYaml() {}
}
