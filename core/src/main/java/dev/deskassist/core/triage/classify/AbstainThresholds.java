package dev.deskassist.core.triage.classify;

import java.util.Comparator;
import java.util.List;

/**
 * Picks an abstain threshold from held-out predictions: answers whose calibrated confidence is
 * below it go to a human. Use predictions on training data (cross-validation), never a test file.
 */
public final class AbstainThresholds {

    private AbstainThresholds() {
    }

    /**
     * The lowest threshold at which the answered predictions reach {@code targetPrecision}, so that
     * as few texts as possible are handed to a human. Returns a value above every confidence (the
     * model always abstains) if no threshold reaches the target, and 0 if all of them do.
     */
    public static double forPrecision(List<HeldOutPrediction> heldOut, double targetPrecision) {
        if (heldOut.isEmpty()) {
            return 0;
        }
        HeldOutPrediction[] sorted = sortedByConfidenceDesc(heldOut);
        int correct = 0;
        double best = Math.nextUp(sorted[0].confidence());
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i].correct()) {
                correct++;
            }
            boolean endOfTie = i + 1 == sorted.length || sorted[i + 1].confidence() < sorted[i].confidence();
            if (endOfTie && correct >= targetPrecision * (i + 1)) {
                best = sorted[i].confidence();
            }
        }
        return best == sorted[sorted.length - 1].confidence() ? 0 : best;
    }

    /** The threshold below which about {@code abstainRate} of the held-out predictions fall. */
    public static double forAbstainRate(List<HeldOutPrediction> heldOut, double abstainRate) {
        if (!(abstainRate >= 0 && abstainRate <= 1)) {
            throw new IllegalArgumentException("abstainRate must be in [0, 1], not " + abstainRate);
        }
        if (heldOut.isEmpty() || abstainRate == 0) {
            return 0;
        }
        HeldOutPrediction[] sorted = sortedByConfidenceDesc(heldOut);
        int answered = (int) Math.round(sorted.length * (1 - abstainRate));
        if (answered <= 0) {
            return Math.nextUp(sorted[0].confidence());
        }
        return sorted[answered - 1].confidence();
    }

    private static HeldOutPrediction[] sortedByConfidenceDesc(List<HeldOutPrediction> heldOut) {
        HeldOutPrediction[] sorted = heldOut.toArray(new HeldOutPrediction[0]);
        java.util.Arrays.sort(sorted, Comparator.comparingDouble(HeldOutPrediction::confidence).reversed());
        return sorted;
    }
}
