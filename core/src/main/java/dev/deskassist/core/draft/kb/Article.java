package dev.deskassist.core.draft.kb;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One knowledge-base entry as loaded from a file: identity, language, categories and tags, the
 * approval flag and validity date that decide whether it may ever be cited, and its body.
 * {@code source} names the file it came from, for reports.
 */
public record Article(
        String id,
        ArticleType type,
        String title,
        String language,
        Set<String> categories,
        List<String> tags,
        String url,
        boolean approved,
        LocalDate validUntil,
        String body,
        String source) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(language, "language");
        type = type == null ? ArticleType.ARTICLE : type;
        title = title == null ? "" : title;
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        tags = tags == null ? List.of() : List.copyOf(tags);
        url = url == null ? "" : url;
        body = body == null ? "" : body;
        source = source == null ? "" : source;
    }

    /** True when the article's {@code valid_until} day lies before {@code today}. */
    public boolean isExpired(LocalDate today) {
        return validUntil != null && validUntil.isBefore(today);
    }

    /** Approved and not expired on {@code today}: only such articles are retrieved and cited. */
    public boolean isCitable(LocalDate today) {
        return approved && !isExpired(today);
    }

    @Override
    public String toString() {
        return "Article[" + id + ", " + language + ", " + type + ", approved=" + approved + ", validUntil="
                + validUntil + "]";
    }
}
