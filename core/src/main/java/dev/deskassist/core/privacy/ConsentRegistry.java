package dev.deskassist.core.privacy;

import dev.deskassist.core.model.Requester;

/**
 * Who has objected to LLM processing of their tickets. A customer who opted out is handled by
 * the offline engine only. Implement it over the team's CRM or database; an in-memory one ships
 * as {@link InMemoryConsentRegistry}.
 */
public interface ConsentRegistry {

    /** Everyone may be processed (the default when no registry is configured). */
    ConsentRegistry ALLOW_ALL = r -> false;

    /** True when this requester (by e-mail or id) opted out of LLM processing. */
    boolean optedOut(Requester requester);
}
