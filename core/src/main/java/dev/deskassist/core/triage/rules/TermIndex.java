package dev.deskassist.core.triage.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * Matches many keywords and phrases against a {@link FoldedText} in one pass (an Aho-Corasick
 * automaton over the folded alphabet), tolerant of German and English inflection and of German
 * compounds. Term syntax, after folding:
 *
 * <ul>
 *   <li>{@code kündigung} (automatic): the term loses one inflection ending ("-ung", "-en", "-e",
 *       "-s", ...). A stem of five or more letters then matches anywhere in a word, so it finds
 *       "gekündigt", "Kündigungsbestätigung" and "Vertragskündigung"; a shorter stem matches
 *       only a whole word with an inflection ending ("down", "downs", not "download").</li>
 *   <li>{@code =refund}: whole word only, inflection endings allowed.</li>
 *   <li>{@code kündig*}: any word starting with the text before the star (a participle
 *       "ge-" before it is allowed).</li>
 *   <li>{@code cancel my subscription}: a phrase; all words but the last must appear exactly and in
 *       order, the last word follows the automatic rule.</li>
 * </ul>
 *
 * Immutable and thread-safe.
 */
public final class TermIndex {

    private enum Mode { AUTO, EXACT, PREFIX }

    private static final int ALPHABET = 38;
    private static final int MIN_INFIX = 5;
    private static final int MIN_STEM = 4;

    /** Endings removed from a term so that its inflected forms match. Longest first. */
    private static final String[] STEM_ENDINGS = {"ungen", "ung", "ings", "ing", "ed", "en", "es", "e", "s"};

    /** Endings a whole-word match may carry after the term. */
    private static final Set<String> WORD_ENDINGS = Set.of("", "s", "es", "e", "en", "n", "er", "ern", "ed", "d", "ing",
            "ung", "ungen", "t", "et", "te", "ten", "st", "est", "em", "ly");

    private final List<String> terms;
    private final int[] next;
    private final int[][] outputs;
    private final int[] keyLength;
    private final int[] fullLength;
    private final Mode[] modes;
    private final boolean[] phrase;

    private TermIndex(List<String> terms) {
        this.terms = List.copyOf(terms);
        int n = terms.size();
        keyLength = new int[n];
        fullLength = new int[n];
        modes = new Mode[n];
        phrase = new boolean[n];
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key(terms.get(i), i);
        }
        // trie
        List<int[]> gotoRows = new ArrayList<>();
        List<List<Integer>> outs = new ArrayList<>();
        gotoRows.add(newRow());
        outs.add(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            int state = 0;
            String k = keys[i];
            for (int p = 0; p < k.length(); p++) {
                int sym = symbol(k.charAt(p));
                int to = gotoRows.get(state)[sym];
                if (to < 0) {
                    to = gotoRows.size();
                    gotoRows.add(newRow());
                    outs.add(new ArrayList<>());
                    gotoRows.get(state)[sym] = to;
                }
                state = to;
            }
            outs.get(state).add(i);
        }
        int states = gotoRows.size();
        next = new int[states * ALPHABET];
        int[] fail = new int[states];
        outputs = new int[states][];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int s = 0; s < ALPHABET; s++) {
            int to = gotoRows.get(0)[s];
            if (to > 0) {
                next[s] = to;
                fail[to] = 0;
                queue.add(to);
            } else {
                next[s] = 0;
            }
        }
        List<List<Integer>> merged = new ArrayList<>(outs);
        while (!queue.isEmpty()) {
            int state = queue.poll();
            List<Integer> out = new ArrayList<>(merged.get(state));
            out.addAll(merged.get(fail[state]));
            merged.set(state, out);
            for (int s = 0; s < ALPHABET; s++) {
                int to = gotoRows.get(state)[s];
                if (to > 0) {
                    next[state * ALPHABET + s] = to;
                    fail[to] = next[fail[state] * ALPHABET + s];
                    queue.add(to);
                } else {
                    next[state * ALPHABET + s] = next[fail[state] * ALPHABET + s];
                }
            }
        }
        for (int s = 0; s < states; s++) {
            List<Integer> o = merged.get(s);
            outputs[s] = o.isEmpty() ? null : o.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * Compiles the terms; the index of a term in the list is its id in {@link #match}.
     *
     * @throws IllegalArgumentException naming the term when one is empty after folding
     */
    public static TermIndex of(List<String> terms) {
        return new TermIndex(terms);
    }

    private static int[] newRow() {
        int[] row = new int[ALPHABET];
        Arrays.fill(row, -1);
        return row;
    }

    private static int symbol(char c) {
        if (c == ' ') {
            return 0;
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 1;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 27;
        }
        return 37;
    }

    private String key(String raw, int i) {
        String t = raw == null ? "" : raw.strip();
        Mode mode = Mode.AUTO;
        if (t.startsWith("=")) {
            mode = Mode.EXACT;
            t = t.substring(1);
        } else if (t.endsWith("*")) {
            mode = Mode.PREFIX;
            t = t.substring(0, t.length() - 1);
        }
        String folded = FoldedText.foldTerm(t);
        if (folded.isEmpty()) {
            throw new IllegalArgumentException("term '" + raw + "' has no letters or digits");
        }
        if (mode != Mode.PREFIX) {
            int lastSpace = folded.lastIndexOf(' ');
            String last = folded.substring(lastSpace + 1);
            String stem = stem(last);
            folded = folded.substring(0, lastSpace + 1) + stem;
        }
        modes[i] = mode;
        phrase[i] = folded.indexOf(' ') >= 0;
        keyLength[i] = folded.length() - folded.lastIndexOf(' ') - 1;
        fullLength[i] = folded.length();
        return folded;
    }

    private static String stem(String word) {
        for (String e : STEM_ENDINGS) {
            if (word.endsWith(e) && word.length() - e.length() >= MIN_STEM) {
                return word.substring(0, word.length() - e.length());
            }
        }
        return word;
    }

    /** The terms, in id order, as written. */
    public List<String> terms() {
        return terms;
    }

    public int size() {
        return terms.size();
    }

    /** Ids of the terms that occur in {@code text}. */
    public BitSet match(FoldedText text) {
        BitSet hits = new BitSet(terms.size());
        if (text.length == 0 || terms.isEmpty()) {
            return hits;
        }
        char[] f = text.chars;
        int len = text.length;
        int state = 0;
        for (int p = 0; p < len; p++) {
            state = next[state * ALPHABET + symbol(f[p])];
            int[] out = outputs[state];
            if (out != null) {
                for (int id : out) {
                    if (!hits.get(id) && accept(id, f, len, p + 1)) {
                        hits.set(id);
                    }
                }
            }
        }
        return hits;
    }

    /** Whether the key of term {@code id} ending at {@code end} is a real occurrence under the term's mode. */
    private boolean accept(int id, char[] f, int len, int end) {
        int keyStart = end - fullLength[id];
        boolean atWordStart = keyStart == 0 || f[keyStart - 1] == ' ';
        boolean afterParticiple = !phrase[id] && keyStart >= 2 && f[keyStart - 2] == 'g' && f[keyStart - 1] == 'e'
                && (keyStart == 2 || f[keyStart - 3] == ' ');
        int wordEnd = end;
        while (wordEnd < len && f[wordEnd] != ' ') {
            wordEnd++;
        }
        return switch (modes[id]) {
            case PREFIX -> atWordStart || afterParticiple;
            case EXACT -> atWordStart && ending(f, end, wordEnd);
            case AUTO -> keyLength[id] >= MIN_INFIX
                    ? !phrase[id] || atWordStart
                    : atWordStart && ending(f, end, wordEnd);
        };
    }

    private static boolean ending(char[] f, int from, int to) {
        if (to - from > 5) {
            return false;
        }
        return WORD_ENDINGS.contains(new String(f, from, to - from));
    }

    @Override
    public String toString() {
        return "TermIndex[terms=" + terms.size() + "]";
    }
}
