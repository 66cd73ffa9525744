package dev.deskassist.core.draft;

import java.util.Objects;

/** A knowledge-base source a draft relies on: article id, title, URL and the cited passage's id. */
public record Citation(String articleId, String passageId, String title, String url) {

    public Citation {
        Objects.requireNonNull(articleId, "articleId");
    }
}
