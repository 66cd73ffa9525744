package dev.deskassist.core.triage.classify;

import java.util.Arrays;

/**
 * Turns a text into feature hashes as its {@link FeatureConfig} says. Word features have an even
 * hash, character n-grams an odd one, so a model can weight the two kinds apart without a table.
 * Work is bounded: at most {@code maxTokens} words, {@link #MAX_TOKEN_CHARS} characters of each.
 */
final class Featurizer {

    /** Characters of one word that count; a 1 MB base64 blob is one word, not one million grams. */
    static final int MAX_TOKEN_CHARS = 32;

    private static final int SEED_WORD = 0x5bd1e995;
    private static final int SEED_BIGRAM = 0x27d4eb2f;
    private static final int SEED_CHAR = 0x165667b1;

    private final FeatureConfig config;
    private final int maxScanChars;

    Featurizer(FeatureConfig config) {
        this.config = config;
        // Separators count too; this bounds a text without any word break.
        this.maxScanChars = config.maxTokens() * (MAX_TOKEN_CHARS + 8);
    }

    FeatureConfig config() {
        return config;
    }

    /** Reusable buffers, one per thread. */
    static final class Scratch {
        char[] chars = new char[256];
        int[] starts = new int[64];
        int[] ends = new int[64];
        int[] wordHashes = new int[64];
        char[] padded = new char[MAX_TOKEN_CHARS + 2];
        final IntList out = new IntList(512);
    }

    static boolean isCharFeature(int hash) {
        return (hash & 1) != 0;
    }

    /** Clears {@code s.out} and appends the hash of every feature occurrence in {@code text}. */
    void extract(CharSequence text, Scratch s) {
        s.out.clear();
        int tokens = tokenize(text, s);
        for (int t = 0; t < tokens; t++) {
            int from = s.starts[t];
            int to = s.ends[t];
            int stemTo = config.stemSuffixes() ? stemEnd(s.chars, from, to) : to;
            int wh = hash(s.chars, from, stemTo, SEED_WORD) & ~1;
            s.wordHashes[t] = wh;
            if (config.wordUnigrams()) {
                s.out.add(wh);
            }
            if (config.wordBigrams() && t > 0) {
                s.out.add(fmix(s.wordHashes[t - 1] * 0x9E3779B1 + wh + SEED_BIGRAM) & ~1);
            }
            if (config.charMaxN() > 0) {
                charGrams(s, from, to);
            }
        }
    }

    private void charGrams(Scratch s, int from, int to) {
        int len = to - from;
        char[] p = s.padded;
        p[0] = '<';
        System.arraycopy(s.chars, from, p, 1, len);
        p[len + 1] = '>';
        int padLen = len + 2;
        int maxN = Math.min(config.charMaxN(), padLen);
        for (int n = config.charMinN(); n <= maxN; n++) {
            for (int i = 0; i + n <= padLen; i++) {
                s.out.add(hash(p, i, i + n, SEED_CHAR) | 1);
            }
        }
    }

    /** Splits into lowercased letter/digit runs; returns the number of tokens. */
    private int tokenize(CharSequence text, Scratch s) {
        int n = Math.min(text.length(), maxScanChars);
        int maxTokens = config.maxTokens();
        if (s.chars.length < n + 2) {
            s.chars = new char[n + 2];
        }
        char[] out = s.chars;
        int w = 0;
        int tokens = 0;
        int start = -1;
        int i = 0;
        while (i < n && tokens < maxTokens) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (isLetterOrDigit(cp)) {
                if (start < 0) {
                    start = w;
                }
                if (w - start < MAX_TOKEN_CHARS) {
                    int c = cp < 0x80 ? lowerAscii(cp, config.normalizeDigits())
                            : Character.isDigit(cp) && config.normalizeDigits() ? '0' : Character.toLowerCase(cp);
                    if (Character.isBmpCodePoint(c)) {
                        out[w++] = (char) c;
                    } else if (w - start + 1 < MAX_TOKEN_CHARS) {
                        out[w++] = Character.highSurrogate(c);
                        out[w++] = Character.lowSurrogate(c);
                    }
                }
            } else if (start >= 0) {
                tokens = addToken(s, tokens, start, w);
                start = -1;
            }
        }
        if (start >= 0 && tokens < maxTokens) {
            tokens = addToken(s, tokens, start, w);
        }
        return tokens;
    }

    /**
     * {@link Character#isLetterOrDigit(int)} with ASCII answered inline: the general method
     * dispatches on the character's Unicode block per call, which showed in every triage profile.
     */
    /** What the general branch gives for an ASCII letter or digit, without the Unicode tables. */
    private static int lowerAscii(int c, boolean normalizeDigits) {
        if (c >= '0' && c <= '9') {
            return normalizeDigits ? '0' : c;
        }
        return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
    }

    private static boolean isLetterOrDigit(int c) {
        if (c < 0x80) {
            int lower = c | 0x20;
            return lower >= 'a' && lower <= 'z' || c >= '0' && c <= '9';
        }
        return Character.isLetterOrDigit(c);
    }

    private static int addToken(Scratch s, int tokens, int start, int end) {
        if (tokens == s.starts.length) {
            s.starts = Arrays.copyOf(s.starts, tokens * 2);
            s.ends = Arrays.copyOf(s.ends, tokens * 2);
            s.wordHashes = Arrays.copyOf(s.wordHashes, tokens * 2);
        }
        s.starts[tokens] = start;
        s.ends[tokens] = end;
        return tokens + 1;
    }

    // Longest first within each language; a word keeps at least four characters.
    private static final String[] SUFFIXES = {
        "ungen", "ation", "ungs", "heit", "keit", "ing", "ung", "ies", "ers", "ed", "es", "en", "er",
        "em", "ly", "s", "e", "n"
    };

    private static int stemEnd(char[] a, int from, int to) {
        int len = to - from;
        for (String suf : SUFFIXES) {
            int sl = suf.length();
            if (len - sl >= 4 && endsWith(a, to, suf)) {
                return to - sl;
            }
        }
        return to;
    }

    private static boolean endsWith(char[] a, int to, String suf) {
        int sl = suf.length();
        for (int k = 0; k < sl; k++) {
            if (a[to - sl + k] != suf.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static int hash(char[] a, int from, int to, int seed) {
        int h = 0x811C9DC5 ^ seed;
        for (int i = from; i < to; i++) {
            h ^= a[i];
            h *= 0x01000193;
        }
        return fmix(h ^ (to - from));
    }

    static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
