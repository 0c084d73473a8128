package mcollective.spi;

import mcollective.protocol.Reply;
import mcollective.protocol.Request;

/**
 * Serialises, signs and verifies messages, selected by the {@code securityprovider} config key. Port of the
 * contract of {@code lib/mcollective/security/base.rb} ({@code encoderequest}, {@code decodemsg},
 * {@code encodereply}, {@code callerid}). A provider that uses Ruby's Marshal envelope lets
 * {@link mcollective.spi.support.SecurityEnvelope} write and read it and supplies only its seal.
 *
 * <p>Thread-safe: nodes decode on the receiving thread and encode replies on worker threads.
 */
public interface SecurityProvider extends Plugin {

    /** Encodes a request into the wire payload, computing the integrity field. */
    byte[] encodeRequest(Request request);

    /**
     * Decodes and verifies a request payload. Throws {@link mcollective.SecurityValidationFailedException} when the
     * integrity check fails and {@link mcollective.MessageDecodeException} when the payload is not a request.
     */
    Request decodeRequest(byte[] payload);

    /** Encodes a reply. */
    byte[] encodeReply(Reply reply);

    /**
     * Encodes the reply to {@code request}. A provider that seals a reply for its requester (aes_security encrypts it
     * to the caller's public key, as Ruby's {@code encodereply(sender, msg, requestid, requestcallerid)}) overrides
     * this; the others ignore the request. Nodes call this one.
     */
    default byte[] encodeReply(Reply reply, Request request) {
        return encodeReply(reply);
    }

    /** Decodes and verifies a reply, throwing as {@link #decodeRequest} does. */
    Reply decodeReply(byte[] payload);

    /** The callerid this process sends, e.g. {@code uid=1000}. */
    String callerId();
}
