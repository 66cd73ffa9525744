package dev.deskassist.core.summary;

import java.util.ArrayList;
import java.util.List;

/** One sentence as written and as lower-case words (apostrophes dropped), tokenized once. */
record Sentence(String text, String[] words) {

    static Sentence of(String text) {
        return new Sentence(text, words(text));
    }

    boolean isQuestion() {
        return text.endsWith("?");
    }

    int wordCount() {
        return words.length;
    }

    boolean has(CueSet cues) {
        return cues.matches(words);
    }

    /** Lower-case runs of letters and digits; apostrophes inside words are dropped ("didn't" → "didnt"). */
    static String[] words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                w.append(Character.toLowerCase(c));
            } else if ((c == '\'' || c == '’') && w.length() > 0) {
                continue;
            } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out.toArray(new String[0]);
    }
}
