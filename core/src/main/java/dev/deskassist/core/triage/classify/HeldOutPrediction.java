package dev.deskassist.core.triage.classify;

/**
 * The calibrated top prediction for a text the model did not see in training (a cross-validation
 * fold or a test file), with the true label; the raw material of thresholds and metrics.
 */
public record HeldOutPrediction(String gold, String predicted, double confidence) {

    public boolean correct() {
        return gold.equals(predicted);
    }
}
