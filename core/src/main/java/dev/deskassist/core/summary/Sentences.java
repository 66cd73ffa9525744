package dev.deskassist.core.summary;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits message text into sentences: at line breaks and after '.', '!' or '?' followed by
 * white space. Deliberately simple and linear in the input; abbreviations may split a
 * sentence, which costs little for extraction.
 */
final class Sentences {

    private Sentences() {
    }

    /** At most {@code max} sentences of {@code text}, each stripped of list markers and white space. */
    static List<String> split(String text, int max) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank() || max <= 0) {
            return out;
        }
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n && out.size() < max; i++) {
            char c = text.charAt(i);
            boolean end = c == '\n'
                    || ((c == '.' || c == '!' || c == '?' || c == '。') && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1))));
            if (end) {
                add(out, text.substring(start, c == '\n' ? i : i + 1));
                start = i + 1;
            }
        }
        if (start < n && out.size() < max) {
            add(out, text.substring(start));
        }
        return out;
    }

    private static void add(List<String> out, String raw) {
        String s = raw.strip();
        // list markers and quote remnants carry no content
        while (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '*' || s.charAt(0) == '•' || s.charAt(0) == '>')) {
            s = s.substring(1).strip();
        }
        if (s.length() >= 2) {
            out.add(s);
        }
    }

    /** {@code s} cut at a word boundary to at most {@code max} characters, with an ellipsis when cut. */
    static String clip(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int cut = s.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        return s.substring(0, cut).strip() + "…";
    }
}
