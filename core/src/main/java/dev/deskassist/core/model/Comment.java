package dev.deskassist.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One message in a ticket thread after the opening description: who wrote it, whether the
 * customer can see it, when, and its body split into new text, quoted history and signature.
 */
public record Comment(String id, AuthorRole author, String authorName, boolean isPublic, Instant createdAt,
                      MessageText body) {

    public Comment {
        Objects.requireNonNull(author, "author");
        body = body == null ? MessageText.EMPTY : body;
    }

    /** A public comment whose raw body (plain text or HTML) is parsed here. */
    public static Comment of(AuthorRole author, String rawBody) {
        return new Comment(null, author, null, true, null, MessageText.parse(rawBody));
    }

    /** An internal note, visible to agents only. */
    public static Comment internalNote(AuthorRole author, String rawBody) {
        return new Comment(null, author, null, false, null, MessageText.parse(rawBody));
    }

    public boolean isInternal() {
        return !isPublic;
    }

    @Override
    public String toString() {
        return "Comment[id=" + id + ", author=" + author + ", public=" + isPublic + ", chars="
                + body.text().length() + "]";
    }
}
