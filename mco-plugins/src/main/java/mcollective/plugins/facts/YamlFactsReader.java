package mcollective.plugins.facts;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;

import mcollective.McollectiveException;

/**
 * Reads one facts document the way Ruby's {@code YAML.safe_load(text, [Symbol], [], true)} does, as far as it
 * matters once values are stringified: YAML 1.1 scalars ({@code yes} is true, {@code 010} is 8, {@code 1.0e5} without
 * an exponent sign stays a String), aliases resolved, and any tag that would instantiate a type rejected. Nothing is
 * instantiated from the document: the parser is used at the token level. Bounded in size, depth and aliases.
 * Thread-confined (one instance per call is cheap).
 */
final class YamlFactsReader {
    static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
    private static final int MAX_DEPTH = 64;
    private static final int MAX_ALIASES = 1000;
    private static final int MAX_NODES = 1_000_000;
    private static final String CORE_TAG = "tag:yaml.org,2002:";
    // Psych's float rule: the exponent needs a sign, and a dot is mandatory
    private static final Pattern PSYCH_FLOAT = Pattern.compile("[-+]?([0-9][0-9_,]*)?\\.[0-9]*([eE][-+][0-9]+)?");
    private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

    private static final YAMLFactory FACTORY = factory();

    private final Map<String, Object> anchors = new HashMap<>();
    private final Map<String, Integer> anchorSizes = new HashMap<>();
    private int aliases;
    private int nodes;

    private YamlFactsReader() {}

    /**
     * @param text the file contents
     * @return the top-level mapping, keys and scalars as Ruby would load them (Long/BigInteger, Double, Boolean, null,
     *         String), nested Lists and Maps
     * @throws McollectiveException if the document is not valid YAML, not a mapping, or uses a forbidden tag
     */
    static Map<Object, Object> read(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new McollectiveException("YAML document is not a Hash but " + (first == null ? "empty" : first));
            }
            @SuppressWarnings("unchecked")
            Map<Object, Object> facts = (Map<Object, Object>) new YamlFactsReader().value(parser, 0);
            return facts;
        } catch (McollectiveException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new McollectiveException("Invalid YAML: " + e.getMessage(), e);
        }
    }

    private Object value(JsonParser parser, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new McollectiveException("YAML nesting deeper than " + MAX_DEPTH);
        }
        if (++nodes > MAX_NODES) {
            throw new McollectiveException("YAML document has more than " + MAX_NODES + " nodes");
        }
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            return alias(parser.getText());
        }
        checkTag(parser);
        Object anchorId = parser.getObjectId(); // the YAML anchor (&name), if any
        String anchor = anchorId == null ? null : anchorId.toString();
        int nodesBefore = nodes;
        Object value = switch (parser.currentToken()) {
            case START_OBJECT -> mapping(parser, depth);
            case START_ARRAY -> sequence(parser, depth);
            case VALUE_NULL -> null;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_INT -> integer(parser);
            case VALUE_NUMBER_FLOAT -> floating(parser.getText());
            default -> parser.getText();
        };
        if (anchor != null) {
            anchors.put(anchor, value);
            anchorSizes.put(anchor, nodes - nodesBefore + 1);
        }
        return value;
    }

    private Map<Object, Object> mapping(JsonParser parser, int depth) throws IOException {
        Map<Object, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            map.put(key, value(parser, depth + 1));
        }
        return map;
    }

    private List<Object> sequence(JsonParser parser, int depth) throws IOException {
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            list.add(value(parser, depth + 1));
        }
        return list;
    }

    private Object alias(String name) {
        if (!anchors.containsKey(name)) {
            throw new McollectiveException("Unknown alias: " + name);
        }
        if (++aliases > MAX_ALIASES) {
            throw new McollectiveException("YAML document uses more than " + MAX_ALIASES + " aliases");
        }
        // an alias expands to a copy of its anchor when facts are normalised: count it (no "billion laughs")
        nodes += anchorSizes.get(name);
        if (nodes > MAX_NODES) {
            throw new McollectiveException("YAML document expands to more than " + MAX_NODES + " nodes");
        }
        return anchors.get(name);
    }

    private static void checkTag(JsonParser parser) throws IOException {
        Object tag = parser.getTypeId();
        if (tag != null && !tag.toString().startsWith(CORE_TAG)) {
            throw new McollectiveException("Tried to load unspecified class: " + tag);
        }
    }

    private static Object integer(JsonParser parser) throws IOException {
        try {
            BigInteger value = parser.getBigIntegerValue();
            return value.bitLength() < Long.SIZE ? (Object) value.longValue() : value;
        } catch (IOException | NumberFormatException e) {
            return parser.getText();
        }
    }

    private static Object floating(String text) {
        if (INFINITY.matcher(text).matches()) {
            return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (NAN.matcher(text).matches()) {
            return Double.NaN;
        }
        if (!PSYCH_FLOAT.matcher(text).matches()) {
            return text;
        }
        try {
            return Double.parseDouble(text.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static YAMLFactory factory() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setAllowDuplicateKeys(true); // Ruby: the later key wins
        return YAMLFactory.builder().loaderOptions(options).build();
    }
}
