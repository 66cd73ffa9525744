package dev.deskassist.core.triage.classify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What {@link IntentTrainer#train} produced: the model trained on all data, plus the
 * cross-validated predictions on the training data that fitted its calibration and threshold.
 *
 * @param model    the model trained on all examples
 * @param heldOut  calibrated out-of-fold predictions, one per training example; use them with
 *                 {@link AbstainThresholds} to pick another threshold
 * @param duration wall time of the whole training, cross-validation included
 * @param heldOutProbabilities calibrated out-of-fold probabilities (in the order of the model's
 *                 labels) per training example, in the order of the training data; {@code null}
 *                 for an example no fold held out. For stacking or blending another model on top.
 */
public record TrainingResult(LinearIntentModel model, List<HeldOutPrediction> heldOut, Duration duration,
        List<double[]> heldOutProbabilities) {

    public TrainingResult {
        heldOut = List.copyOf(heldOut);
        heldOutProbabilities = Collections.unmodifiableList(new ArrayList<>(heldOutProbabilities));
    }

    public TrainingResult(LinearIntentModel model, List<HeldOutPrediction> heldOut, Duration duration) {
        this(model, heldOut, duration, List.of());
    }

    /**
     * Cross-validated accuracy on the training data: the estimate of accuracy on new texts (a
     * little optimistic, as the naive Bayes blend weight was chosen on the same predictions).
     */
    public double heldOutAccuracy() {
        return heldOut.isEmpty() ? Double.NaN
                : heldOut.stream().filter(HeldOutPrediction::correct).count() / (double) heldOut.size();
    }

    @Override
    public String toString() {
        return "TrainingResult[" + model + ", heldOut=" + heldOut.size() + ", heldOutAccuracy="
                + String.format(java.util.Locale.ROOT, "%.4f", heldOutAccuracy()) + ", duration=" + duration + "]";
    }

    /** Metrics of the cross-validated predictions at the model's abstain threshold. */
    public Evaluation heldOutEvaluation() {
        return Evaluation.of(heldOut, model.abstainThreshold());
    }
}
