package dev.deskassist.core.triage.classify;

/**
 * Told by {@link IntentTrainer} how far training has come, so that a caller can show progress
 * on long runs. Steps are feature extraction and each epoch of each cross-validation fold and of
 * the final fit; they take roughly equal time. Called on the training thread.
 */
@FunctionalInterface
public interface TrainingProgress {

    /** Reports nothing. */
    TrainingProgress NONE = (done, total) -> {
    };

    /**
     * @param done  steps finished so far
     * @param total steps in the whole run; does not change during a run
     */
    void progressed(int done, int total);
}
