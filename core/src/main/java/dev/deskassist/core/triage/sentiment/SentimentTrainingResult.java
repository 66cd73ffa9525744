package dev.deskassist.core.triage.sentiment;

import java.time.Duration;

/**
 * What {@link SentimentTrainer#train} produced: the model trained on all data and the
 * cross-validated macro-F1 (on the training data, out of fold) of the lexicon alone, the trained
 * classifier alone and their blend at the chosen weight.
 */
public record SentimentTrainingResult(SentimentModel model, double heldOutMacroF1Lexicon,
        double heldOutMacroF1Classifier, double heldOutMacroF1Blend, Duration duration) {
}
