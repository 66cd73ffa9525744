package dev.deskassist.core.draft;

import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.triage.TriageResult;
import java.util.List;

/**
 * The reply policy every drafting engine answers to: forbidden promises and phrases, categories
 * that always need approval. Offline and LLM drafts pass through the same review.
 */
public interface Guardrails {

    /**
     * Reviews a candidate draft and returns it, possibly with offending sentences removed and
     * with {@code requiresApproval} set and explained. Never clears an approval flag.
     */
    Draft review(Draft draft, Ticket ticket, TriageResult triage);

    /** The policy as plain sentences in a language, for an LLM prompt. */
    List<String> rules(String language);
}
