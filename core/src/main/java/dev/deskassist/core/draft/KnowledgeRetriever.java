package dev.deskassist.core.draft;

import java.util.Collection;
import java.util.List;

/**
 * Finds the approved, valid knowledge-base passages that best answer a question in a language.
 * Implementations never return expired or unapproved material.
 */
public interface KnowledgeRetriever {

    /**
     * Passages ranked best first, at most {@code limit}. {@code categories} may be empty; when
     * not, passages of those categories are preferred.
     */
    List<Passage> retrieve(String query, String language, Collection<String> categories, int limit);

    /** Languages for which approved articles exist. */
    java.util.Set<String> languages();
}
