package mcollective.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import mcollective.protocol.codec.RubyMarshal;
import mcollective.protocol.codec.RubyString;
import mcollective.protocol.codec.RubySymbol;

/**
 * The requests the mutator starts from: the golden psk request bodies of {@code reference/frames}, plus copies of
 * them re-signed with the node's psk and a current {@code :msgtime}, so some mutants pass the signature check.
 */
public final class Seeds {
    private final List<byte[]> golden;
    private final String psk;

    private Seeds(List<byte[]> golden, String psk) {
        this.golden = List.copyOf(golden);
        this.psk = psk;
    }

    /** Reads {@code psk-request-*.bin} from {@code frames}; fails when there are none. */
    public static Seeds load(Path frames, String psk) {
        try (Stream<Path> files = Files.list(frames)) {
            List<byte[]> bodies = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().matches("psk-request-[^.]+\\.bin"))
                    .sorted()
                    .toList()) {
                bodies.add(Files.readAllBytes(file));
            }
            if (bodies.isEmpty()) {
                throw new IllegalStateException("No psk-request-*.bin seeds in " + frames);
            }
            return new Seeds(bodies, psk);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden bodies, as recorded from Ruby MCollective. */
    public List<byte[]> golden() {
        return golden;
    }

    /** Golden seed {@code index}, re-signed with the psk at {@code msgtime} (seconds). */
    public byte[] signed(int index, long msgtime) {
        Map<Object, Object> envelope = envelope(golden.get(index % golden.size()));
        envelope.put(RubySymbol.of("msgtime"), msgtime);
        envelope.put(RubySymbol.of("requestid"), String.format("%032x", msgtime * 1000 + index));
        return sign(envelope);
    }

    /** The outer envelope of a body, as a mutable map. */
    @SuppressWarnings("unchecked")
    public static Map<Object, Object> envelope(byte[] body) {
        return new LinkedHashMap<>((Map<Object, Object>) RubyMarshal.load(body));
    }

    /** Sets {@code :hash} to MD5(:body + psk), as psk.rb does, and dumps the envelope. */
    public byte[] sign(Map<Object, Object> envelope) {
        Object inner = envelope.get(RubySymbol.of("body"));
        byte[] bytes = inner instanceof byte[] b ? b : RubyMarshal.dump(inner);
        if (inner instanceof RubyString s) {
            bytes = s.bytes();
        }
        envelope.put(RubySymbol.of("hash"), md5(bytes));
        return RubyMarshal.dump(envelope);
    }

    private String md5(byte[] body) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(body);
            md5.update(psk.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
