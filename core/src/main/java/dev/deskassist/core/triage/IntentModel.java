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

    /** A label with its probability. */
    record ScoredLabel(String label, double probability) {
    }
}
