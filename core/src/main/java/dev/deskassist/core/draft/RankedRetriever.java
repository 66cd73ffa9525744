package dev.deskassist.core.draft;

import java.util.Collection;
import java.util.List;

/**
 * A {@link KnowledgeRetriever} that also says how sure it is, so that a drafter can refuse to
 * guess: "answer only from approved sources" needs to tell a real match from the least bad one.
 */
public interface RankedRetriever extends KnowledgeRetriever {

    /** Like {@link #retrieve}, with a confidence and reasons. */
    Retrieval rank(String query, String language, Collection<String> categories, int limit);

    @Override
    default List<Passage> retrieve(String query, String language, Collection<String> categories, int limit) {
        return rank(query, language, categories, limit).passages();
    }
}
