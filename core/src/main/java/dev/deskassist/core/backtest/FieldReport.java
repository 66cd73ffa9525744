package dev.deskassist.core.backtest;

import java.util.List;
import java.util.Optional;

/**
 * The figures of one field over the scored tickets that have a human decision for it:
 * accuracy with every answer counted (an abstention counts as wrong), the precision/coverage
 * curve over confidence thresholds 0.00 to 1.00, the same per value, and the recommendation.
 * For escalation the curve is over the tickets the engine would escalate, and coverage is the
 * share of human escalations it finds.
 */
public record FieldReport(BacktestField field, long labeled, long unlabeled, long abstained, long correct,
                          List<ThresholdPoint> curve, List<ValueReport> values, Recommendation recommendation) {

    public FieldReport {
        curve = List.copyOf(curve);
        values = List.copyOf(values);
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
