package dev.deskassist.core.summary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A list of cue phrases matched against a sentence's words, case-insensitively, with hash
 * lookups rather than regular expressions so that scoring stays linear in the text. Phrase
 * syntax: lower-case words separated by spaces, apostrophes dropped ({@code didnt} matches
 * "didn't"); a word ending in {@code *} matches every word starting with it; a leading
 * {@code ^} anchors the phrase at the start of the sentence; {@code a ... b} matches phrase
 * {@code a} followed by phrase {@code b} within eight words; {@code |} separates alternatives
 * ({@code please|kindly ... send|share}).
 */
public final class CueSet {

    /** Matches nothing. */
    public static final CueSet NONE = new CueSet(List.of());

    private static final int NEAR_WINDOW = 8;

    /** {@code words} without the '*' marks; {@code prefix[k]} says word k matches by prefix. */
    private record Phrase(String source, String[] words, boolean[] prefix, boolean anchored, Phrase then) {
    }

    private final List<String> sources;
    private final Map<String, List<Phrase>> byFirstWord = new HashMap<>();
    private final List<Phrase> prefixFirst = new ArrayList<>();

    private CueSet(List<String> phrases) {
        this.sources = List.copyOf(phrases);
        for (String p : expand(phrases)) {
            Phrase phrase = parse(p);
            String first = phrase.words[0];
            if (phrase.prefix[0]) {
                prefixFirst.add(phrase);
            } else {
                byFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(phrase);
            }
        }
    }

    /** Expands alternatives: {@code a|b} is two phrases, {@code a|b ... c|d} four. */
    private static List<String> expand(List<String> phrases) {
        List<String> out = new ArrayList<>();
        for (String p : phrases) {
            int near = p.indexOf(" ... ");
            if (near >= 0) {
                for (String l : p.substring(0, near).split("\\|")) {
                    for (String r : p.substring(near + 5).split("\\|")) {
                        out.add(l.strip() + " ... " + r.strip());
                    }
                }
            } else {
                for (String alt : p.split("\\|")) {
                    out.add(alt.strip());
                }
            }
        }
        return out;
    }

    /** A cue set of the given phrases (syntax in the class comment). */
    public static CueSet of(String... phrases) {
        return new CueSet(List.of(phrases));
    }

    /** The phrases as written. */
    public List<String> phrases() {
        return sources;
    }

    public boolean isEmpty() {
        return sources.isEmpty();
    }

    /** True when any phrase occurs in the words. */
    public boolean matches(String[] words) {
        return find(words, 0, words.length) >= 0;
    }

    /** Index after the first match starting in [from, to), or -1. */
    private int find(String[] words, int from, int to) {
        for (int i = from; i < to && i < words.length; i++) {
            List<Phrase> candidates = byFirstWord.get(words[i]);
            if (candidates != null) {
                for (Phrase p : candidates) {
                    if (matchesAt(p, words, i)) {
                        return i + p.words.length;
                    }
                }
            }
            for (Phrase p : prefixFirst) {
                if (matchesAt(p, words, i)) {
                    return i + p.words.length;
                }
            }
        }
        return -1;
    }

    private static boolean matchesAt(Phrase p, String[] words, int i) {
        if (p.anchored && i != 0) {
            return false;
        }
        if (i + p.words.length > words.length) {
            return false;
        }
        for (int k = 0; k < p.words.length; k++) {
            String w = p.words[k];
            String actual = words[i + k];
            boolean ok = p.prefix[k] ? actual.startsWith(w) : actual.equals(w);
            if (!ok) {
                return false;
            }
        }
        if (p.then == null) {
            return true;
        }
        int after = i + p.words.length;
        for (int k = after; k < after + NEAR_WINDOW && k < words.length; k++) {
            if (matchesAt(p.then, words, k)) {
                return true;
            }
        }
        return false;
    }

    private static Phrase parse(String raw) {
        String s = Objects.requireNonNull(raw, "phrase").strip().toLowerCase(Locale.ROOT);
        int near = s.indexOf(" ... ");
        if (near >= 0) {
            Phrase first = parse(s.substring(0, near));
            Phrase then = parse(s.substring(near + 5));
            return new Phrase(raw, first.words, first.prefix, first.anchored, then);
        }
        boolean anchored = s.startsWith("^");
        if (anchored) {
            s = s.substring(1).strip();
        }
        List<String> words = new ArrayList<>();
        List<Boolean> prefix = new ArrayList<>();
        for (String part : s.split("\\s+")) {
            boolean star = part.endsWith("*");
            String[] ws = Sentence.words(part);
            for (int k = 0; k < ws.length; k++) {
                words.add(ws[k]);
                prefix.add(star && k == ws.length - 1);
            }
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("empty cue phrase: '" + raw + "'");
        }
        boolean[] flags = new boolean[prefix.size()];
        for (int k = 0; k < flags.length; k++) {
            flags[k] = prefix.get(k);
        }
        return new Phrase(raw, words.toArray(new String[0]), flags, anchored, null);
    }

    @Override
    public String toString() {
        return "CueSet[" + sources.size() + " phrases]";
    }
}
