package mcollective.protocol.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one JSON factory of the code base: every document read is bounded by {@link Limits#JSON_DEPTH},
 * {@link Limits#JSON_STRING_LENGTH} and {@link Limits#JSON_DOCUMENT_LENGTH}, so a reply, DDL or facts document nested
 * or sized to exhaust the reader is refused with Jackson's {@code StreamConstraintsException} naming the limit.
 */
public final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Limits.JSON_DEPTH)
                    .maxStringLength(Limits.JSON_STRING_LENGTH)
                    .maxDocumentLength(Limits.JSON_DOCUMENT_LENGTH)
                    .build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
    private static final ObjectMapper PRETTY = new ObjectMapper(FACTORY).enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    /** The shared bounded mapper; thread-safe, never reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The shared bounded mapper that indents its output. */
    public static ObjectMapper pretty() {
        return PRETTY;
    }
}
