package dev.deskassist.core.triage.language;

/**
 * Turns raw text into the normalized character stream the profiles are built from and scored on:
 * Latin letters lower-cased, an apostrophe kept only right after a letter, everything else one
 * space. Also counts what kind of characters the text holds, so that the detector can refuse
 * digits-only, emoji-only, foreign-script or binary input before scoring. Shared by profile
 * building and detection so that both see exactly the same features.
 */
final class TextFeatures {

    static final char BOUNDARY = ' ';
    static final char APOSTROPHE = '\'';

    /** Normalized stream with a leading and trailing boundary; valid up to {@link #length}. */
    final char[] buf;
    int length;
    int latinLetters;
    int foreignLetters;
    /** Script of the first non-Latin letter, for the reason; null when there is none. */
    Character.UnicodeScript foreignScript;
    int controlChars;
    int otherVisible;
    int scannedChars;

    private TextFeatures(int capacity) {
        buf = new char[capacity + 2];
    }

    /** Normalizes at most {@code maxChars} chars of {@code text}. */
    static TextFeatures of(String text, int maxChars) {
        int n = Math.min(text.length(), maxChars);
        TextFeatures f = new TextFeatures(n);
        char[] b = f.buf;
        int len = 0;
        b[len++] = BOUNDARY;
        boolean prevLetter = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char out;
            if (c < 0x80) {
                if (c >= 'a' && c <= 'z') {
                    out = c;
                } else if (c >= 'A' && c <= 'Z') {
                    out = (char) (c + 32);
                } else {
                    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                        f.controlChars++;
                    } else if (c > 0x20 && c != 0x7f) {
                        f.otherVisible++;
                    }
                    out = c == '\'' && prevLetter ? APOSTROPHE : BOUNDARY;
                }
            } else if (c == '\u2019' && prevLetter) {
                out = APOSTROPHE;
            } else if (Character.isLetter(c)) {
                if (isLatin(c)) {
                    out = Character.toLowerCase(c);
                } else {
                    f.foreignLetters++;
                    if (f.foreignScript == null) {
                        f.foreignScript = Character.UnicodeScript.of(c);
                    }
                    out = BOUNDARY;
                }
            } else {
                if (c == '\uFFFD' || (c >= 0x80 && c < 0xA0)) {
                    // replacement characters and C1 controls are what binary data decodes to
                    f.controlChars++;
                } else if (!Character.isWhitespace(c) && !Character.isLowSurrogate(c)) {
                    f.otherVisible++;
                }
                out = BOUNDARY;
            }
            if (out == BOUNDARY) {
                prevLetter = false;
                if (b[len - 1] != BOUNDARY) {
                    b[len++] = BOUNDARY;
                }
            } else if (out == APOSTROPHE) {
                prevLetter = false;
                b[len++] = APOSTROPHE;
            } else {
                prevLetter = true;
                f.latinLetters++;
                b[len++] = out;
            }
        }
        if (b[len - 1] != BOUNDARY) {
            b[len++] = BOUNDARY;
        }
        f.length = len;
        f.scannedChars = n;
        return f;
    }

    /** Latin-script letters live below U+0250 (Basic Latin to Latin Extended-B) and in Latin Extended Additional. */
    static boolean isLatin(char c) {
        return c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF);
    }

    static boolean isWordChar(char c) {
        return c != BOUNDARY && c != APOSTROPHE;
    }

    static long unigram(char a) {
        return (1L << 48) | a;
    }

    static long trigram(char a, char b, char c) {
        return (3L << 48) | ((long) a << 32) | ((long) b << 16) | c;
    }

    /** Word keys carry the top bit, so they never collide with n-gram keys (which stay below 2^51). */
    static long wordKey(char[] b, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ b[i]) * 0x100000001b3L;
        }
        return h | Long.MIN_VALUE;
    }
}
