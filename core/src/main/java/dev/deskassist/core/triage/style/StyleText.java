package dev.deskassist.core.triage.style;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A text cut into word tokens for style matching: letters and digits, with an apostrophe inside a
 * word kept ("don't", "gibt's"); hyphens split ("pourriez-vous"). Keeps each token as written,
 * lower-cased, and whether it starts a sentence (capitals there say nothing about address).
 */
final class StyleText {

    final List<String> original;
    final List<String> lower;
    final List<Boolean> sentenceStart;
    int emoji;

    private StyleText(int expected) {
        original = new ArrayList<>(expected);
        lower = new ArrayList<>(expected);
        sentenceStart = new ArrayList<>(expected);
    }

    static StyleText of(String s) {
        StyleText t = new StyleText(s.length() / 5 + 4);
        boolean atStart = true;
        int from = -1;
        int n = s.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? s.charAt(i) : ' ';
            boolean word = isLetterOrDigit(c)
                    || ((c == '\'' || c == '\u2019') && from >= 0 && i + 1 < n && Character.isLetter(s.charAt(i + 1)));
            if (word) {
                if (from < 0) {
                    from = i;
                }
                continue;
            }
            if (from >= 0) {
                String w = s.substring(from, i);
                if (w.indexOf('\u2019') >= 0) {
                    w = w.replace('\u2019', '\'');
                }
                t.original.add(w);
                t.lower.add(w.toLowerCase(Locale.ROOT));
                t.sentenceStart.add(atStart);
                atStart = false;
                from = -1;
            }
            if (c == '.' || c == '!' || c == '?' || c == ':' || c == '\n' || c == '¿' || c == '¡') {
                atStart = true;
            } else if (Character.isHighSurrogate(c) && i + 1 < n) {
                int cp = Character.toCodePoint(c, s.charAt(i + 1));
                if (StyleCues.isEmoji(cp)) {
                    t.emoji++;
                }
            } else if (c >= 0x2600 && c <= 0x27BF) {
                t.emoji++;
            }
        }
        return t;
    }

    /**
     * {@link Character#isLetterOrDigit(int)} with ASCII answered inline: the general method
     * dispatches on the character's Unicode block per call, which showed in every triage profile.
     */
    private static boolean isLetterOrDigit(int c) {
        if (c < 0x80) {
            int lower = c | 0x20;
            return lower >= 'a' && lower <= 'z' || c >= '0' && c <= '9';
        }
        return Character.isLetterOrDigit(c);
    }

    int size() {
        return lower.size();
    }
}
