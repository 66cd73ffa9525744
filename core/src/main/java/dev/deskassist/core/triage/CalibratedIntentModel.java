package dev.deskassist.core.triage;

/**
 * An intent model whose trainer picked an abstain threshold on held-out training data, so that
 * whoever loads a model file can use the threshold it was trained with.
 */
public interface CalibratedIntentModel extends IntentModel {

    /** Below this top probability the trainer advises "needs human triage". */
    double abstainThreshold();
}
