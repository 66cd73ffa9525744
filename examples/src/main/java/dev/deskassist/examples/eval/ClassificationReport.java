package dev.deskassist.examples.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts gold/predicted label pairs and derives accuracy, per-class precision/recall/F1, macro-F1,
 * the majority-class baseline and the most frequent confusions. A prediction of {@code null}
 * means "no answer" and counts as wrong (and as an abstention).
 */
public final class ClassificationReport {

    private final Map<String, Map<String, Integer>> matrix = new TreeMap<>();
    private int n;
    private int correct;
    private int abstained;

    public void add(String gold, String predicted) {
        String p = predicted == null ? NONE : predicted;
        matrix.computeIfAbsent(gold, k -> new TreeMap<>()).merge(p, 1, Integer::sum);
        n++;
        if (p.equals(gold)) {
            correct++;
        }
        if (predicted == null) {
            abstained++;
        }
    }

    /** Label shown for "no answer". */
    public static final String NONE = "(none)";

    public int n() {
        return n;
    }

    public double accuracy() {
        return n == 0 ? 0 : (double) correct / n;
    }

    public double abstainRate() {
        return n == 0 ? 0 : (double) abstained / n;
    }

    /** Gold labels seen, sorted. */
    public List<String> labels() {
        return new ArrayList<>(matrix.keySet());
    }

    public int support(String gold) {
        return matrix.getOrDefault(gold, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    public double recall(String label) {
        int s = support(label);
        return s == 0 ? 0 : (double) matrix.get(label).getOrDefault(label, 0) / s;
    }

    public double precision(String label) {
        int predicted = 0;
        for (Map<String, Integer> row : matrix.values()) {
            predicted += row.getOrDefault(label, 0);
        }
        return predicted == 0 ? 0 : (double) matrix.getOrDefault(label, Map.of()).getOrDefault(label, 0) / predicted;
    }

    public double f1(String label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Unweighted mean F1 over the gold labels. */
    public double macroF1() {
        return matrix.keySet().stream().mapToDouble(this::f1).average().orElse(0);
    }

    /** The most frequent gold label. */
    public String majorityLabel() {
        return matrix.keySet().stream().max(Comparator.comparingInt(this::support)).orElse(null);
    }

    /** Accuracy of always answering the majority label. */
    public double majorityAccuracy() {
        String m = majorityLabel();
        return m == null || n == 0 ? 0 : (double) support(m) / n;
    }

    /** Macro-F1 of always answering the majority label (F1 is 0 for every other label). */
    public double majorityMacroF1() {
        String m = majorityLabel();
        if (m == null) {
            return 0;
        }
        double p = (double) support(m) / n;
        return (2 * p / (p + 1)) / matrix.size();
    }

    /** Up to {@code limit} off-diagonal pairs, most frequent first, as "gold -> predicted: count". */
    public List<String> topConfusions(int limit) {
        List<Map.Entry<String, Integer>> pairs = new ArrayList<>();
        matrix.forEach((gold, row) -> row.forEach((p, c) -> {
            if (!p.equals(gold)) {
                pairs.add(Map.entry(gold + " -> " + p, c));
            }
        }));
        pairs.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, pairs.size()); i++) {
            out.add(pairs.get(i).getKey() + ": " + pairs.get(i).getValue());
        }
        return out;
    }

    /** A plain map (labels to numbers, lists) ready for {@code Json.toJson}. */
    public Map<String, Object> toMap(int confusions) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("accuracy", round(accuracy()));
        m.put("macroF1", round(macroF1()));
        m.put("abstainRate", round(abstainRate()));
        m.put("majorityLabel", majorityLabel());
        m.put("majorityAccuracy", round(majorityAccuracy()));
        m.put("majorityMacroF1", round(majorityMacroF1()));
        Map<String, Object> per = new LinkedHashMap<>();
        for (String l : matrix.keySet()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("support", support(l));
            c.put("precision", round(precision(l)));
            c.put("recall", round(recall(l)));
            c.put("f1", round(f1(l)));
            per.put(l, c);
        }
        m.put("perLabel", per);
        m.put("topConfusions", topConfusions(confusions));
        return m;
    }

    /** Human-readable lines: totals, a per-label table and the top confusions. */
    public List<String> toLines(int confusions) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("n=%d accuracy=%.4f macroF1=%.4f abstainRate=%.4f", n, accuracy(), macroF1(),
                abstainRate()));
        lines.add(String.format("majority baseline (%s): accuracy=%.4f macroF1=%.4f", majorityLabel(),
                majorityAccuracy(), majorityMacroF1()));
        lines.add(String.format("  %-12s %7s %9s %7s %7s", "label", "support", "precision", "recall", "f1"));
        for (String l : new TreeSet<>(matrix.keySet())) {
            lines.add(String.format("  %-12s %7d %9.4f %7.4f %7.4f", l, support(l), precision(l), recall(l), f1(l)));
        }
        List<String> top = topConfusions(confusions);
        if (!top.isEmpty()) {
            lines.add("top confusions (gold -> predicted):");
            top.forEach(t -> lines.add("  " + t));
        }
        return lines;
    }

    private static double round(double v) {
        return Math.round(v * 10000.0) / 10000.0;
    }
}
