package dev.deskassist.core.triage.rules;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One rule of a category: keywords ({@link TermIndex} syntax) and/or regular expressions for one
 * language ({@code "*"} for every language) that either force the category or boost it. A boost
 * of weight {@code w} multiplies the category's odds by e<sup>w</sup>; a forcing rule decides.
 */
public record CategoryRule(String id, String language, List<String> keywords, List<Pattern> patterns, boolean force,
                           double weight) {

    /** Language value meaning "applies whatever the language". */
    public static final String ANY_LANGUAGE = "*";

    public CategoryRule {
        Objects.requireNonNull(id, "id");
        language = language == null ? ANY_LANGUAGE : language;
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
        if (keywords.isEmpty() && patterns.isEmpty()) {
            throw new IllegalArgumentException("rule " + id + " has neither keywords nor patterns");
        }
        if (!(weight > 0.0 && weight <= 10.0)) {
            throw new IllegalArgumentException("rule " + id + ": weight must be in (0,10], was " + weight);
        }
    }

    /** Whether the rule applies to a text in {@code lang}; an unknown language ({@code null} or "und") takes every rule. */
    public boolean appliesTo(String lang) {
        return ANY_LANGUAGE.equals(language) || lang == null || "und".equals(lang) || language.equals(lang);
    }
}
