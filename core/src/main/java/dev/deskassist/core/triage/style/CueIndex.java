package dev.deskassist.core.triage.style;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All style phrase lists of one language merged into one index by first word, so that reading a
 * text costs one hash probe per token whatever the number of lists. {@link #collect} returns, per
 * list, the phrases found (as written in the text, at most {@value #MAX_PER_KIND} each).
 */
final class CueIndex {

    static final int MAX_PER_KIND = 8;

    /** A cue phrase with its tokens prepared once: a trailing star becomes a prefix flag. */
    private record Tagged(int kind, String[] tokens, String[] stems, boolean[] prefix) {

        static Tagged of(int kind, String[] tokens) {
            String[] stems = new String[tokens.length];
            boolean[] prefix = new boolean[tokens.length];
            for (int k = 0; k < tokens.length; k++) {
                prefix[k] = tokens[k].endsWith("*");
                stems[k] = prefix[k] ? tokens[k].substring(0, tokens[k].length() - 1) : tokens[k];
            }
            return new Tagged(kind, tokens, stems, prefix);
        }
    }

    private final Map<String, List<Tagged>> lower = new HashMap<>();
    private final Map<String, List<Tagged>> exact = new HashMap<>();
    private final List<Tagged> prefixed = new ArrayList<>();
    private final int kinds;

    CueIndex(Phrases... lists) {
        this.kinds = lists.length;
        for (int k = 0; k < lists.length; k++) {
            for (String[] p : lists[k].phrases) {
                Tagged t = Tagged.of(k, p);
                if (p[0].endsWith("*")) {
                    prefixed.add(t);
                } else {
                    (lists[k].caseSensitive ? exact : lower).computeIfAbsent(p[0], x -> new ArrayList<>()).add(t);
                }
            }
        }
        // longest phrase first, so that "sehr geehrte" is reported rather than a shorter entry
        lower.values().forEach(l -> l.sort((a, b) -> b.tokens().length - a.tokens().length));
    }

    List<Set<String>> collect(StyleText t) {
        List<Set<String>> found = new ArrayList<>(kinds);
        for (int k = 0; k < kinds; k++) {
            found.add(new LinkedHashSet<>());
        }
        for (int i = 0; i < t.size(); i++) {
            List<Tagged> c = lower.get(t.lower.get(i));
            if (c != null) {
                match(c, t.lower, i, found);
            }
            if (!exact.isEmpty() && !t.sentenceStart.get(i)) {
                List<Tagged> e = exact.get(t.original.get(i));
                if (e != null) {
                    match(e, t.original, i, found);
                }
            }
            if (!prefixed.isEmpty()) {
                match(prefixed, t.lower, i, found);
            }
        }
        return found;
    }

    private static void match(List<Tagged> candidates, List<String> words, int at, List<Set<String>> found) {
        for (Tagged c : candidates) {
            Set<String> into = found.get(c.kind());
            if (into.size() < MAX_PER_KIND && matches(c, words, at)) {
                into.add(String.join(" ", words.subList(at, at + c.tokens().length)));
            }
        }
    }

    private static boolean matches(Tagged c, List<String> words, int at) {
        String[] stems = c.stems();
        if (at + stems.length > words.size()) {
            return false;
        }
        for (int k = 0; k < stems.length; k++) {
            String w = words.get(at + k);
            if (c.prefix()[k] ? !w.startsWith(stems[k]) : !w.equals(stems[k])) {
                return false;
            }
        }
        return true;
    }
}
