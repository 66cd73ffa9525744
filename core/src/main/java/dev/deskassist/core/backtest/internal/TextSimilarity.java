package dev.deskassist.core.backtest.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Cosine similarity of word counts: cheap, language-neutral, 1 for the same words in any order. */
public final class TextSimilarity {

    private TextSimilarity() {
    }

    public static double cosine(String a, String b) {
        Map<String, Integer> x = words(a);
        Map<String, Integer> y = words(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0.0;
        }
        double dot = 0;
        for (Map.Entry<String, Integer> e : x.entrySet()) {
            Integer o = y.get(e.getKey());
            if (o != null) {
                dot += (double) e.getValue() * o;
            }
        }
        double s = Math.sqrt(norm(x)) * Math.sqrt(norm(y));
        return s == 0 ? 0.0 : Math.min(1.0, dot / s);
    }

    private static double norm(Map<String, Integer> m) {
        double n = 0;
        for (int v : m.values()) {
            n += (double) v * v;
        }
        return n;
    }

    private static Map<String, Integer> words(String s) {
        Map<String, Integer> out = new HashMap<>();
        if (s == null) {
            return out;
        }
        String t = s.toLowerCase(Locale.ROOT);
        int i = 0;
        int n = t.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(t.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(t.charAt(i))) {
                i++;
            }
            if (i - start >= 2) {
                out.merge(t.substring(start, i), 1, Integer::sum);
            }
        }
        return out;
    }
}
