package dev.deskassist.core.draft;

import java.util.Objects;
import java.util.Set;

/**
 * A retrievable piece of an approved knowledge-base article: its stable id
 * ({@code articleId#n}), the article it belongs to, language, categories, text and the retrieval
 * score it got for a query (0 when not retrieved).
 */
public record Passage(String id, String articleId, String title, String url, String language,
                      Set<String> categories, String text, double score) {

    public Passage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(articleId, "articleId");
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        text = text == null ? "" : text;
    }

    public Passage withScore(double newScore) {
        return new Passage(id, articleId, title, url, language, categories, text, newScore);
    }

    public Citation citation() {
        return new Citation(articleId, id, title, url);
    }
}
