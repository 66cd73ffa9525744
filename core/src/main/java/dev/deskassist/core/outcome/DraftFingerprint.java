package dev.deskassist.core.outcome;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A privacy-safe fingerprint of a text, for telling later whether an agent's reply was based on
 * our draft without keeping the draft: a b-bit MinHash sketch (128 minima of word-pair shingles,
 * only the lowest 8 bits of each kept). The text cannot be read back from it, and a guessed phrase
 * cannot be confirmed from it either: each byte matches a random shingle one time in 256.
 * {@link #similarity} estimates the Jaccard similarity of the two texts' shingle sets.
 *
 * <p>Stored as {@code m1:} followed by 256 hex digits ({@link #encoded()}).
 */
public final class DraftFingerprint {

    private static final int K = 128;
    private static final String PREFIX = "m1:";
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] sketch;
    private final boolean empty;

    private DraftFingerprint(byte[] sketch, boolean empty) {
        this.sketch = sketch;
        this.empty = empty;
    }

    /** The fingerprint of a text (compared case- and punctuation-insensitively). */
    public static DraftFingerprint of(String text) {
        List<String> shingles = shingles(text == null ? "" : text);
        long[] min = new long[K];
        java.util.Arrays.fill(min, -1L);
        for (String s : shingles) {
            long h = fnv1a(s);
            for (int i = 0; i < K; i++) {
                long v = mix(h + (i + 1) * 0x9E3779B97F4A7C15L);
                if (Long.compareUnsigned(v, min[i]) < 0) {
                    min[i] = v;
                }
            }
        }
        byte[] sketch = new byte[K];
        for (int i = 0; i < K; i++) {
            sketch[i] = (byte) min[i];
        }
        return new DraftFingerprint(sketch, shingles.isEmpty());
    }

    /** Reads an {@link #encoded()} fingerprint; empty when the text is not one. */
    public static Optional<DraftFingerprint> parse(String encoded) {
        if (encoded == null || !encoded.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hex = encoded.substring(PREFIX.length());
        if (hex.equals("-")) {
            return Optional.of(new DraftFingerprint(new byte[K], true));
        }
        if (hex.length() != 2 * K) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DraftFingerprint(HEX.parseHex(hex), false));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String encoded() {
        return PREFIX + (empty ? "-" : HEX.formatHex(sketch));
    }

    /**
     * Estimated Jaccard similarity of the two texts' word-pair shingles, in [0,1]; 0 when either
     * text had no words. Corrected for the one-in-256 chance that two 8-bit minima agree by accident.
     */
    public double similarity(DraftFingerprint other) {
        Objects.requireNonNull(other, "other");
        if (empty || other.empty) {
            return 0.0;
        }
        int same = 0;
        for (int i = 0; i < K; i++) {
            if (sketch[i] == other.sketch[i]) {
                same++;
            }
        }
        double chance = 1.0 / 256;
        double j = ((double) same / K - chance) / (1 - chance);
        return Math.max(0.0, Math.min(1.0, j));
    }

    /** Word pairs; a text of one word is that word. */
    static List<String> shingles(String text) {
        String[] words = NON_WORD.split(text.toLowerCase(Locale.ROOT).strip());
        List<String> tokens = new ArrayList<>(words.length);
        for (String w : words) {
            if (!w.isEmpty()) {
                tokens.add(w);
            }
        }
        List<String> out = new ArrayList<>();
        if (tokens.size() == 1) {
            out.add(tokens.get(0));
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            out.add(tokens.get(i) + ' ' + tokens.get(i + 1));
        }
        return out;
    }

    private static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finalizer: spreads every input bit over the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DraftFingerprint f && f.empty == empty && java.util.Arrays.equals(f.sketch, sketch);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(sketch);
    }

    @Override
    public String toString() {
        return "DraftFingerprint[" + (empty ? "empty" : "128 x 8 bit") + "]";
    }
}
