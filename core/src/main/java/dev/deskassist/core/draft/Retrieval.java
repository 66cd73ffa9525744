package dev.deskassist.core.draft;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one knowledge-base search: passages best first, a confidence in [0, 1] that the
 * best passage answers the question, whether that clears the retriever's threshold, and the
 * reasons (which terms matched, the margin to the next article) for the agent and the audit log.
 */
public record Retrieval(List<Passage> passages, double confidence, boolean confident, List<String> reasons) {

    public Retrieval {
        passages = passages == null ? List.of() : List.copyOf(passages);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        if (Double.isNaN(confidence) || confidence < 0.0 || confidence > 1.0) {
            throw new IllegalArgumentException("confidence must be in [0,1]");
        }
        if (confident && passages.isEmpty()) {
            throw new IllegalArgumentException("a retrieval without passages cannot be confident");
        }
    }

    /** Nothing found, with the reason. */
    public static Retrieval none(String reason) {
        return new Retrieval(List.of(), 0.0, false, List.of(reason));
    }

    public Optional<Passage> best() {
        return passages.isEmpty() ? Optional.empty() : Optional.of(passages.get(0));
    }
}
