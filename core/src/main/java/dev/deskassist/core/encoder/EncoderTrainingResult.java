package dev.deskassist.core.encoder;

import dev.deskassist.core.triage.classify.HeldOutPrediction;
import java.time.Duration;
import java.util.List;

/**
 * What {@link EncoderIntentTrainer#train} produced: the model, the cross-validated predictions
 * that chose its settings, and the cross-validated accuracy of each tier alone and blended.
 *
 * @param model            the model trained on all examples
 * @param heldOut          calibrated out-of-fold blended predictions, one per training example
 * @param l2               the chosen L2 strength of the logistic regression on embeddings
 * @param cvAccuracyNgram  cross-validated accuracy of the n-gram model alone
 * @param cvAccuracyEncoder cross-validated accuracy of the encoder's classifier alone
 * @param cvAccuracyBlend  cross-validated accuracy of the chosen blend
 * @param cascade          cross-validated accuracy and encoder share per cascade threshold
 * @param embedding        wall time spent embedding the training texts
 * @param duration         wall time of the whole training
 */
public record EncoderTrainingResult(EncoderIntentModel model, List<HeldOutPrediction> heldOut, double l2,
                                    double cvAccuracyNgram, double cvAccuracyEncoder, double cvAccuracyBlend,
                                    List<CascadePoint> cascade, Duration embedding, Duration duration) {

    public EncoderTrainingResult {
        heldOut = List.copyOf(heldOut);
        cascade = List.copyOf(cascade);
    }

    /**
     * One cascade setting on held-out training data: texts whose n-gram top probability reaches
     * {@code below} skip the encoder.
     */
    public record CascadePoint(double below, double accuracy, double encoderShare) {
    }
}
