package dev.deskassist.core.triage.style;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A list of words and phrases of one kind of style cue. A word ending in {@code *} matches by
 * prefix. Case-insensitive unless built with {@link #caseSensitive}, in which case only tokens that
 * do not start a sentence count (German "Sie", Italian "Lei"). Matching happens in {@link CueIndex}.
 */
final class Phrases {

    final List<String[]> phrases = new ArrayList<>();
    final boolean caseSensitive;

    private Phrases(boolean caseSensitive, String... phrases) {
        this.caseSensitive = caseSensitive;
        for (String p : phrases) {
            this.phrases.add((caseSensitive ? p : p.toLowerCase(Locale.ROOT)).split(" "));
        }
    }

    static Phrases of(String... phrases) {
        return new Phrases(false, phrases);
    }

    static Phrases caseSensitive(String... words) {
        return new Phrases(true, words);
    }

    static final Phrases NONE = of();
}
