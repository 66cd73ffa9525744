package dev.deskassist.core.draft.kb;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns raw fields into a typed {@link Article}, rejecting unknown keys and bad values with their line. */
final class Articles {

    private static final Set<String> KEYS = Set.of("id", "title", "language", "categories", "tags", "url",
            "approved", "valid_until", "type");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private Articles() {
    }

    static Article of(RawEntry e) {
        String src = e.source();
        for (RawEntry.Field f : e.fields().values()) {
            if (!KEYS.contains(f.key())) {
                throw new KnowledgeBaseException(src, f.line(), "unknown key '" + f.key() + "' (known: "
                        + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        String id = required(e, "id");
        if (!ID.matcher(id).matches()) {
            throw new KnowledgeBaseException(src, e.fields().get("id").line(),
                    "id must be letters, digits, '.', '_' or '-' (at most 100)");
        }
        String title = required(e, "title");
        String language = required(e, "language").toLowerCase(Locale.ROOT);
        if (!LANGUAGE.matcher(language).matches()) {
            throw new KnowledgeBaseException(src, e.fields().get("language").line(),
                    "language must be an ISO 639-1 code such as 'de' or 'en'");
        }
        String approvedText = required(e, "approved").toLowerCase(Locale.ROOT);
        if (!approvedText.equals("true") && !approvedText.equals("false")) {
            throw new KnowledgeBaseException(src, e.fields().get("approved").line(), "approved must be true or false");
        }
        LocalDate validUntil = null;
        String until = optional(e, "valid_until");
        if (until != null && !until.isEmpty()) {
            try {
                validUntil = LocalDate.parse(until);
            } catch (DateTimeParseException ex) {
                throw new KnowledgeBaseException(src, e.fields().get("valid_until").line(),
                        "valid_until must be an ISO date such as 2026-12-31");
            }
        }
        ArticleType type = ArticleType.ARTICLE;
        String typeText = optional(e, "type");
        if (typeText != null && !typeText.isEmpty()) {
            try {
                type = ArticleType.valueOf(typeText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new KnowledgeBaseException(src, e.fields().get("type").line(), "type must be article or macro");
            }
        }
        if (e.body().isBlank()) {
            throw new KnowledgeBaseException(src, e.bodyLine(), "article '" + id + "' has an empty body");
        }
        Set<String> categories = new LinkedHashSet<>();
        for (String c : list(e, "categories")) {
            categories.add(c.strip().toLowerCase(Locale.ROOT));
        }
        List<String> tags = list(e, "tags").stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList();
        return new Article(id, type, title, language, categories, tags, optional(e, "url"),
                approvedText.equals("true"), validUntil, e.body(), src);
    }

    private static String required(RawEntry e, String key) {
        RawEntry.Field f = e.fields().get(key);
        if (f == null) {
            throw new KnowledgeBaseException(e.source(), e.line(), "missing required key '" + key + "'");
        }
        if (f.isList() || ((String) f.value()).isBlank()) {
            throw new KnowledgeBaseException(e.source(), f.line(), "'" + key + "' must be a non-empty single value");
        }
        return ((String) f.value()).strip();
    }

    private static String optional(RawEntry e, String key) {
        RawEntry.Field f = e.fields().get(key);
        if (f == null) {
            return null;
        }
        if (f.isList()) {
            throw new KnowledgeBaseException(e.source(), f.line(), "'" + key + "' must be a single value, not a list");
        }
        return ((String) f.value()).strip();
    }

    private static List<String> list(RawEntry e, String key) {
        RawEntry.Field f = e.fields().get(key);
        if (f == null) {
            return List.of();
        }
        if (f.value() instanceof String s) {
            // a single value is a one-element list; "categories: returns" reads naturally
            return s.isBlank() ? List.of() : List.of(s);
        }
        @SuppressWarnings("unchecked")
        List<String> l = (List<String>) f.value();
        return l;
    }
}
