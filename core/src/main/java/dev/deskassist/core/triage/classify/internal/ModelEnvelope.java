package dev.deskassist.core.triage.classify.internal;

import dev.deskassist.core.triage.classify.ModelFormatException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The frame every model file shares: four magic bytes, a format version, the payload's length,
 * the payload and its SHA-256, so that a wrong, newer, truncated or damaged file is refused with
 * a {@link ModelFormatException} before its content is parsed.
 */
public final class ModelEnvelope {

    /**
     * What a file held.
     *
     * @param version the format version it was written in
     * @param payload the model's bytes
     * @param sha256  their checksum (models derive their version ids from it)
     */
    public record Contents(int version, byte[] payload, byte[] sha256) {
    }

    private ModelEnvelope() {
    }

    /** Writes one framed model; the stream is flushed, not closed. */
    public static void write(OutputStream out, byte[] magic, int version, byte[] payload) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.write(magic);
        d.writeInt(version);
        d.writeLong(payload.length);
        d.write(payload);
        d.write(sha256(payload));
        d.flush();
    }

    /**
     * Reads one framed model; the stream is not closed.
     *
     * @param what       the model's name in messages, for example {@code intent model}
     * @param oldest     the oldest format version this library reads
     * @param newest     the newest, the one it writes
     * @param maxPayload the largest payload that is not taken for corruption
     */
    public static Contents read(InputStream in, byte[] magic, String what, int oldest, int newest, long maxPayload)
            throws IOException {
        DataInputStream d = new DataInputStream(in);
        byte[] head = d.readNBytes(magic.length);
        if (!Arrays.equals(head, magic)) {
            throw new ModelFormatException("not a DeskAssist " + what + " (the file does not start with "
                    + new String(magic, StandardCharsets.US_ASCII) + ")");
        }
        int version;
        long length;
        try {
            version = d.readInt();
            if (version < oldest || version > newest) {
                throw new ModelFormatException(what + " format version " + version
                        + " cannot be read; this library reads versions " + oldest + " to " + newest
                        + " (retrain or use the matching library version)");
            }
            length = d.readLong();
        } catch (EOFException e) {
            throw new ModelFormatException("truncated model file: the header is incomplete", e);
        }
        if (length < 0 || length > maxPayload) {
            throw new ModelFormatException("corrupt model file: impossible content length " + length);
        }
        byte[] payload = d.readNBytes((int) length);
        if (payload.length < length) {
            throw new ModelFormatException("truncated model file: content has " + payload.length + " of " + length
                    + " bytes");
        }
        byte[] checksum = d.readNBytes(32);
        if (checksum.length < 32) {
            throw new ModelFormatException("truncated model file: the checksum is missing");
        }
        byte[] actual = sha256(payload);
        if (!MessageDigest.isEqual(checksum, actual)) {
            throw new ModelFormatException("corrupt model file: the content does not match its SHA-256 checksum");
        }
        return new Contents(version, payload, actual);
    }

    /**
     * A model's version id for the audit log: {@code <kind>-v<format>:} and the first 16 hex digits
     * of its payload's SHA-256.
     */
    public static String versionId(String kind, int format, byte[] sha256) {
        return kind + "-v" + format + ":" + HexFormat.of().formatHex(sha256, 0, 8);
    }

    /** SHA-256 of the bytes. */
    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
