package mcollective.plugins.security.ssl;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import mcollective.MessageDecodeException;
import mcollective.protocol.codec.RubyRegexp;
import mcollective.protocol.codec.RubySymbol;
import mcollective.ruby.RubyRegex;

/**
 * Reads YAML as Psych's {@code YAML.safe_load(text, [Symbol, Regexp])} does: SnakeYAML parses, and this class
 * types each plain scalar by Psych's {@code ScalarScanner#tokenize} rules ({@code :sym}, integers, floats,
 * {@code true/yes/on}, {@code ~/null}), while quoted scalars stay Strings. Tags {@code !ruby/symbol},
 * {@code !ruby/sym}, {@code !ruby/regexp}, {@code !binary} and the core {@code !!} ones are read; any other tag, and
 * aliases, are refused as safe_load refuses them. Every failure is a {@link MessageDecodeException}.
 */
final class RubyYamlReader {
    /** The tag this reader's resolver gives every untagged plain scalar, so Psych's rules can type it. */
    private static final Tag PLAIN = new Tag("tag:mcollective,2026:plain");

    private static final Pattern INTEGER = Pattern.compile(
            "[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0b[01_,]+|[-+]?0[0-7_,]+|[-+]?0x[0-9a-fA-F_,]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?([0-9][0-9_,]*)?\\.[0-9]*([eE][-+][0-9]+)?");
    private static final Pattern REGEXP = Pattern.compile("/(.*)/([mixn]*)", Pattern.DOTALL);
    private static final int MAX_NUMBER_CHARS = 4096;
    private static final Resolver RESOLVER = new PlainResolver();

    private RubyYamlReader() {}

    /** The value of the one YAML document in {@code text}. */
    static Object load(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setNestingDepthLimit(64);
        options.setAllowDuplicateKeys(true);
        Node root;
        try {
            root = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), RESOLVER, options)
                    .getSingleNode();
        } catch (RuntimeException e) {
            throw new MessageDecodeException("Could not parse YAML: " + firstLine(e.getMessage()), e);
        }
        return root == null ? null : value(root, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** The Ruby value of {@code node}; a node met twice is an alias, which safe_load refuses. */
    private static Object value(Node node, Set<Node> seen) {
        if (!seen.add(node)) {
            throw new MessageDecodeException("Could not load YAML: aliases are not allowed");
        }
        if (!(node instanceof ScalarNode)
                && !node.getTag().equals(Tag.MAP)
                && !node.getTag().equals(Tag.SEQ)) {
            throw new MessageDecodeException(
                    "Tried to load unspecified class: YAML tag " + node.getTag().getValue());
        }
        if (node instanceof MappingNode mapping) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                map.put(value(tuple.getKeyNode(), seen), value(tuple.getValueNode(), seen));
            }
            return map;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            for (Node element : sequence.getValue()) {
                list.add(value(element, seen));
            }
            return list;
        }
        ScalarNode scalar = (ScalarNode) node;
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        if (tag.equals(PLAIN)) {
            return plain(text);
        }
        return switch (tag.getValue()) {
            case "tag:yaml.org,2002:str" -> text;
            case "tag:yaml.org,2002:binary", "!binary" -> binary(text);
            case "!ruby/symbol", "!ruby/sym" -> RubySymbol.of(text);
            case "!ruby/regexp" -> regexp(text);
            case "tag:yaml.org,2002:int",
                    "tag:yaml.org,2002:float",
                    "tag:yaml.org,2002:bool",
                    "tag:yaml.org,2002:null" -> plain(text);
            default -> throw new MessageDecodeException("Tried to load unspecified class: YAML tag " + tag.getValue());
        };
    }

    /** Psych's {@code ScalarScanner#tokenize}, for the shapes MCollective sends; dates and times stay Strings. */
    private static Object plain(String text) {
        if (text.isEmpty() || text.equals("~") || text.equalsIgnoreCase("null")) {
            return null;
        }
        if (text.matches("(?i)yes|true|on")) {
            return Boolean.TRUE;
        }
        if (text.matches("(?i)no|false|off")) {
            return Boolean.FALSE;
        }
        if (text.matches("(?i)\\+?\\.inf")) {
            return Double.POSITIVE_INFINITY;
        }
        if (text.matches("(?i)-\\.inf")) {
            return Double.NEGATIVE_INFINITY;
        }
        if (text.matches("(?i)\\.nan")) {
            return Double.NaN;
        }
        if (text.length() > 1 && text.charAt(0) == ':') {
            return symbol(text.substring(1));
        }
        if (text.length() <= MAX_NUMBER_CHARS) {
            if (FLOAT.matcher(text).matches() && !text.matches("[-+]?\\.")) {
                return Double.parseDouble(text.replaceAll("[,_]", "").replaceAll("\\.([Ee]|$)", "$1"));
            }
            if (INTEGER.matcher(text).matches()) {
                return integer(text.replaceAll("[,_]", ""));
            }
        }
        return text;
    }

    /** {@code :"a b"} and {@code :'a b'} name the quoted text, as Psych's tokenize reads them. */
    private static RubySymbol symbol(String name) {
        if (name.length() >= 2
                && (name.charAt(0) == '"' || name.charAt(0) == '\'')
                && name.charAt(name.length() - 1) == name.charAt(0)) {
            return RubySymbol.of(name.substring(1, name.length() - 1));
        }
        return RubySymbol.of(name);
    }

    /** Ruby's {@code Integer()} of the digits: 0b, 0 (octal) and 0x prefixes. */
    private static Object integer(String digits) {
        boolean negative = digits.startsWith("-");
        String unsigned = digits.replaceFirst("^[-+]", "");
        int radix = 10;
        if (unsigned.startsWith("0b")) {
            radix = 2;
            unsigned = unsigned.substring(2);
        } else if (unsigned.startsWith("0x")) {
            radix = 16;
            unsigned = unsigned.substring(2);
        } else if (unsigned.length() > 1 && unsigned.startsWith("0")) {
            radix = 8;
            unsigned = unsigned.substring(1);
        }
        if (unsigned.isEmpty()) {
            return digits;
        }
        BigInteger value = new BigInteger(unsigned, radix);
        value = negative ? value.negate() : value;
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private static byte[] binary(String text) {
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new MessageDecodeException("Could not load a !binary YAML String: " + e.getMessage(), e);
        }
    }

    private static RubyRegexp regexp(String text) {
        Matcher m = REGEXP.matcher(text);
        if (!m.matches()) {
            throw new MessageDecodeException("Invalid !ruby/regexp YAML value");
        }
        return new RubyRegexp(m.group(1), RubyRegex.options(m.group(2).replace("n", "")));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** SnakeYAML's resolver for everything but untagged plain scalars, which get {@link #PLAIN}. */
    private static final class PlainResolver extends Resolver {
        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            if (kind == NodeId.scalar && implicit) {
                return PLAIN;
            }
            return super.resolve(kind, value, implicit);
        }
    }
}
