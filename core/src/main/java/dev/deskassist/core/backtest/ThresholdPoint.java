package dev.deskassist.core.backtest;

/**
 * The figures at one confidence threshold: how many answers reach it ({@code covered}), how many
 * of those agree with the human ({@code correct}), their share of all labeled tickets
 * ({@code coverage}) and their precision ({@code NaN} when nothing reaches the threshold).
 */
public record ThresholdPoint(double threshold, long covered, long correct, double coverage, double precision) {

    /** True when some answers reach this threshold, so that the precision means something. */
    public boolean hasPrecision() {
        return covered > 0 && !Double.isNaN(precision);
    }
}
