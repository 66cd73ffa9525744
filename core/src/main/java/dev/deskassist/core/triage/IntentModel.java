package dev.deskassist.core.triage;

import java.util.List;
import java.util.Set;

/**
 * A trained text classifier for the team's own categories. Probabilities are calibrated, so a
 * threshold on the top one is a meaningful abstain rule.
 */
public interface IntentModel {

    /** All labels, ranked by calibrated probability, highest first; probabilities sum to 1. */
    List<ScoredLabel> predict(String text);

    Set<String> labels();

    /** An identifier of this trained model (format version and content hash) for the audit log. */
    String version();

    /**
     * Like {@link #predict}, with notes for the reasons on how the ranking was reached (for a tiered
     * model: which tier decided, and why it fell back). Models with one path return no notes.
     */
    default Ranking rank(String text) {
        return new Ranking(predict(text), List.of());
    }

    /** Ranked labels, highest first, and notes on how they were reached. */
    record Ranking(List<ScoredLabel> labels, List<String> notes) {

        public Ranking {
            labels = labels == null ? List.of() : List.copyOf(labels);
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    /** A label with its probability. */
    record ScoredLabel(String label, double probability) {
    }
}
