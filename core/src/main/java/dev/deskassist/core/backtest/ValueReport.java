package dev.deskassist.core.backtest;

import java.util.List;

/**
 * The figures of one value of a field (one category, group or priority). In its curve,
 * {@code precision} is over the tickets the engine gave this value at or above the threshold and
 * {@code coverage} is the share of the tickets humans gave this value that the engine got right
 * at that threshold (its recall).
 */
public record ValueReport(String value, long humanCount, long predictedCount, long correct, List<ThresholdPoint> curve,
                          Recommendation recommendation) {

    public ValueReport {
        curve = List.copyOf(curve);
    }

    /** Correct answers over answers with this value, or NaN when the engine never chose it. */
    public double precision() {
        return predictedCount == 0 ? Double.NaN : (double) correct / predictedCount;
    }

    /** Correct answers over the tickets humans gave this value, or NaN when there were none. */
    public double recall() {
        return humanCount == 0 ? Double.NaN : (double) correct / humanCount;
    }
}
