package dev.deskassist.core.adapter;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 for webhook signatures, as base64 or hex, and a constant-time comparison so that
 * a forger cannot learn a signature byte by byte from response times.
 */
public final class HmacSignatures {

    private static final String ALGORITHM = "HmacSHA256";

    /**
     * One keyed {@link Mac} per thread. {@code Mac.getInstance} walks the security providers and
     * {@code init} hashes the key, on every webhook; a server verifies with one secret, so a thread
     * keeps its last key's Mac ({@code doFinal} leaves it ready for the same key).
     */
    private static final ThreadLocal<KeyedMac> CACHE = new ThreadLocal<>();

    private record KeyedMac(byte[] key, Mac mac) {
    }

    private HmacSignatures() {
    }

    /** The raw 32-byte HMAC-SHA256 of the parts, concatenated in order, under {@code key}. */
    public static byte[] hmacSha256(byte[] key, byte[]... parts) {
        Mac mac = keyed(key);
        for (byte[] p : parts) {
            mac.update(p);
        }
        return mac.doFinal();
    }

    private static Mac keyed(byte[] key) {
        KeyedMac cached = CACHE.get();
        if (cached != null && MessageDigest.isEqual(cached.key(), key)) {
            return cached.mac();
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            // a copy, so that a caller changing its array later cannot leave a Mac keyed differently
            CACHE.set(new KeyedMac(key.clone(), mac));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // every Java runtime ships HmacSHA256; an empty key is the only way to get here
            throw new IllegalArgumentException("cannot compute HMAC-SHA256: " + e.getClass().getSimpleName(), e);
        }
    }

    /** base64(HMAC-SHA256(secret as UTF-8, parts...)), standard alphabet with padding. */
    public static String base64(String secret, byte[]... parts) {
        return Base64.getEncoder().encodeToString(hmacSha256(secret.getBytes(StandardCharsets.UTF_8), parts));
    }

    /** Lower-case hex of HMAC-SHA256(secret as UTF-8, parts...). */
    public static String hex(String secret, byte[]... parts) {
        return HexFormat.of().formatHex(hmacSha256(secret.getBytes(StandardCharsets.UTF_8), parts));
    }

    /**
     * Compares an expected and a received signature in time independent of where they differ.
     * {@code null} never matches.
     */
    public static boolean matches(String expected, String received) {
        if (expected == null || received == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                received.strip().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Compares a received secret with a configured one in time that depends on neither where they
     * differ nor the configured secret's length: both are hashed first, so the comparison always
     * runs over 32 bytes. {@code null} never matches.
     */
    public static boolean secretsEqual(String configured, String received) {
        if (configured == null || received == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(configured.getBytes(StandardCharsets.UTF_8)),
                sha256(received.getBytes(StandardCharsets.UTF_8)));
    }

    /** Hex SHA-256 of some bytes, e.g. a payload hash for de-duplication. */
    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256(data));
    }

    /** Hex SHA-256 of several byte arrays, concatenated in order (without copying them together). */
    public static String sha256Hex(byte[]... parts) {
        return HexFormat.of().formatHex(sha256(parts));
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this Java runtime", e);
        }
    }
}
