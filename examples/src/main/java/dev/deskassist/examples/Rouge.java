package dev.deskassist.examples;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ROUGE-N and ROUGE-L (Lin 2004) as used to score summaries against human references:
 * text is lower-cased and split into tokens at every character that is not a letter or digit;
 * no stemming and no stop-word removal. ROUGE-L is the summary-level longest common
 * subsequence over the whole token sequence (not the sentence-split ROUGE-Lsum).
 */
public final class Rouge {

    /** Precision, recall and their harmonic mean F1, each in [0,1]. */
    public record Score(double precision, double recall, double f1) {
        static Score of(double overlap, double candidateTotal, double referenceTotal) {
            double p = candidateTotal == 0 ? 0.0 : overlap / candidateTotal;
            double r = referenceTotal == 0 ? 0.0 : overlap / referenceTotal;
            return new Score(p, r, p + r == 0 ? 0.0 : 2 * p * r / (p + r));
        }
    }

    private Rouge() {
    }

    /** Lower-cased runs of letters and digits. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String s = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean word = i < s.length() && Character.isLetterOrDigit(s.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(s.substring(start, i));
                start = -1;
            }
        }
        return out;
    }

    /** ROUGE-N: overlap of n-gram counts, each candidate n-gram counted at most as often as in the reference. */
    public static Score rougeN(String candidate, String reference, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1");
        }
        Map<String, Integer> c = ngrams(tokens(candidate), n);
        Map<String, Integer> r = ngrams(tokens(reference), n);
        int overlap = 0;
        for (Map.Entry<String, Integer> e : c.entrySet()) {
            overlap += Math.min(e.getValue(), r.getOrDefault(e.getKey(), 0));
        }
        return Score.of(overlap, total(c), total(r));
    }

    /** ROUGE-L: length of the longest common subsequence over candidate and reference lengths. */
    public static Score rougeL(String candidate, String reference) {
        List<String> c = tokens(candidate);
        List<String> r = tokens(reference);
        return Score.of(lcs(c, r), c.size(), r.size());
    }

    static int lcs(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int[] prev = new int[b.size() + 1];
        int[] cur = new int[b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                cur[j] = a.get(i - 1).equals(b.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.size()];
    }

    private static Map<String, Integer> ngrams(List<String> tokens, int n) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            out.merge(String.join(" ", tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return out;
    }

    private static int total(Map<String, Integer> counts) {
        int n = 0;
        for (int v : counts.values()) {
            n += v;
        }
        return n;
    }
}
