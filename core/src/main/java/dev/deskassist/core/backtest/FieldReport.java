package dev.deskassist.core.backtest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The figures of one field over the scored tickets that have a human decision for it:
 * accuracy with every answer counted (an abstention counts as wrong), the precision/coverage
 * curve over confidence thresholds 0.00 to 1.00, the same per value, and the recommendation.
 * For escalation the curve is over the tickets the engine would escalate, and coverage is the
 * share of human escalations it finds. {@code byCategory} holds, for fields other than the
 * category, the recommendation over the tickets of each category the engine decided (what a
 * write-back rule's per-category override would govern).
 */
public record FieldReport(BacktestField field, long labeled, long unlabeled, long abstained, long correct,
                          List<ThresholdPoint> curve, List<ValueReport> values, Recommendation recommendation,
                          Map<String, Recommendation> byCategory) {

    public FieldReport {
        curve = List.copyOf(curve);
        values = List.copyOf(values);
        byCategory = byCategory == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(byCategory));
    }

    /** A report without per-category recommendations. */
    public FieldReport(BacktestField field, long labeled, long unlabeled, long abstained, long correct,
                       List<ThresholdPoint> curve, List<ValueReport> values, Recommendation recommendation) {
        this(field, labeled, unlabeled, abstained, correct, curve, values, recommendation, Map.of());
    }

    /** This report with the recommendation per decided category. */
    public FieldReport withByCategory(Map<String, Recommendation> perCategory) {
        return new FieldReport(field, labeled, unlabeled, abstained, correct, curve, values, recommendation,
                perCategory);
    }

    /** Correct over labeled, or NaN when no ticket has a human decision for this field. */
    public double accuracy() {
        return labeled == 0 ? Double.NaN : (double) correct / labeled;
    }

    /** The point of the curve at {@code threshold} (rounded to the curve's hundredths). */
    public Optional<ThresholdPoint> at(double threshold) {
        int i = (int) Math.round(threshold * 100);
        return i >= 0 && i < curve.size() ? Optional.of(curve.get(i)) : Optional.empty();
    }
}
