package dev.deskassist.core.triage.classify;

import dev.deskassist.core.triage.IntentModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Quality of a classifier on labeled texts it did not train on: accuracy, macro-F1, per-label
 * scores, the most frequent confusions, and what an abstain threshold does (how many texts go to
 * a human, how accurate the rest is).
 */
public final class Evaluation {

    /** Precision, recall and F1 of one label, with its number of true examples. */
    public record ClassScore(String label, double precision, double recall, double f1, int support) {
    }

    /** A true label mistaken for another, and how often. */
    public record Confusion(String gold, String predicted, int count) {
    }

    private final List<HeldOutPrediction> predictions;
    private final double threshold;
    private final SortedMap<String, ClassScore> perClass;
    private final List<Confusion> confusions;

    private Evaluation(List<HeldOutPrediction> predictions, double threshold) {
        this.predictions = List.copyOf(predictions);
        this.threshold = threshold;
        this.perClass = scores(this.predictions);
        this.confusions = confusions(this.predictions);
    }

    /** Metrics of the given predictions, abstaining below {@code threshold}. */
    public static Evaluation of(List<HeldOutPrediction> predictions, double threshold) {
        return new Evaluation(predictions, threshold);
    }

    /** Predicts every example with the model and measures the result. */
    public static Evaluation of(IntentModel model, List<Example> test, double threshold) {
        List<HeldOutPrediction> predictions = new ArrayList<>(test.size());
        for (Example e : test) {
            IntentModel.ScoredLabel top = model.predict(e.text()).get(0);
            predictions.add(new HeldOutPrediction(e.label(), top.label(), top.probability()));
        }
        return new Evaluation(predictions, threshold);
    }

    public int n() {
        return predictions.size();
    }

    public double threshold() {
        return threshold;
    }

    public List<HeldOutPrediction> predictions() {
        return predictions;
    }

    /** Share of top predictions that are right, abstaining or not. */
    public double accuracy() {
        return ratio(predictions.stream().filter(HeldOutPrediction::correct).count(), predictions.size());
    }

    /** Unweighted mean of the per-label F1 over every label that is true or predicted somewhere. */
    public double macroF1() {
        return perClass.values().stream().mapToDouble(ClassScore::f1).average().orElse(Double.NaN);
    }

    /** Share of texts whose confidence is below the threshold. */
    public double abstainRate() {
        return ratio(predictions.stream().filter(p -> p.confidence() < threshold).count(), predictions.size());
    }

    /** Accuracy on the texts at or above the threshold; NaN when all abstain. */
    public double accuracyOnAnswered() {
        long answered = predictions.stream().filter(p -> p.confidence() >= threshold).count();
        long right = predictions.stream().filter(p -> p.confidence() >= threshold && p.correct()).count();
        return answered == 0 ? Double.NaN : ratio(right, answered);
    }

    /** Scores of each label, by label name. */
    public SortedMap<String, ClassScore> perClass() {
        return perClass;
    }

    /** The {@code limit} most frequent (true label, predicted label) mistakes, most frequent first. */
    public List<Confusion> topConfusions(int limit) {
        return confusions.subList(0, Math.min(limit, confusions.size()));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Evaluation[n=%d, accuracy=%.4f, macroF1=%.4f, threshold=%.3f, "
                + "abstainRate=%.4f, accuracyOnAnswered=%.4f]", n(), accuracy(), macroF1(), threshold, abstainRate(),
                accuracyOnAnswered());
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : a / (double) b;
    }

    private static SortedMap<String, ClassScore> scores(List<HeldOutPrediction> predictions) {
        Map<String, int[]> counts = new HashMap<>(); // tp, fp, fn
        TreeSet<String> labels = new TreeSet<>();
        for (HeldOutPrediction p : predictions) {
            labels.add(p.gold());
            labels.add(p.predicted());
            if (p.correct()) {
                counts.computeIfAbsent(p.gold(), k -> new int[3])[0]++;
            } else {
                counts.computeIfAbsent(p.predicted(), k -> new int[3])[1]++;
                counts.computeIfAbsent(p.gold(), k -> new int[3])[2]++;
            }
        }
        SortedMap<String, ClassScore> out = new TreeMap<>();
        for (String label : labels) {
            int[] c = counts.getOrDefault(label, new int[3]);
            double precision = c[0] + c[1] == 0 ? 0 : c[0] / (double) (c[0] + c[1]);
            double recall = c[0] + c[2] == 0 ? 0 : c[0] / (double) (c[0] + c[2]);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            out.put(label, new ClassScore(label, precision, recall, f1, c[0] + c[2]));
        }
        return java.util.Collections.unmodifiableSortedMap(out);
    }

    private static List<Confusion> confusions(List<HeldOutPrediction> predictions) {
        Map<List<String>, Integer> pairs = new HashMap<>();
        for (HeldOutPrediction p : predictions) {
            if (!p.correct()) {
                pairs.merge(List.of(p.gold(), p.predicted()), 1, Integer::sum);
            }
        }
        List<Confusion> out = new ArrayList<>();
        pairs.forEach((k, v) -> out.add(new Confusion(k.get(0), k.get(1), v)));
        out.sort(Comparator.comparingInt(Confusion::count).reversed()
                .thenComparing(Confusion::gold).thenComparing(Confusion::predicted));
        return List.copyOf(out);
    }
}
