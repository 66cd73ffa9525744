package dev.deskassist.core.triage;

import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Priority;
import java.util.List;
import java.util.Objects;

/**
 * Everything triage decided about one ticket. The category has no value when the engine
 * abstained ("needs human triage"); escalation is {@code true} when a human should take over.
 * Every part carries its confidence and reasons.
 */
public record TriageResult(
        Decision<String> language,
        Decision<Sentiment> sentiment,
        Decision<StyleProfile> style,
        List<Entity> entities,
        Decision<String> category,
        Decision<Priority> priority,
        Decision<String> group,
        Decision<Boolean> escalation) {

    /** ISO 639-1 code used when the language could not be told. */
    public static final String UNKNOWN_LANGUAGE = "und";

    public TriageResult {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(sentiment, "sentiment");
        Objects.requireNonNull(style, "style");
        entities = entities == null ? List.of() : List.copyOf(entities);
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(escalation, "escalation");
    }

    /** The detected language code, or {@code und}. */
    public String languageCode() {
        return language.valueOr(UNKNOWN_LANGUAGE);
    }

    /** True when triage could not choose a category with enough confidence. */
    public boolean needsHumanTriage() {
        return !category.hasValue();
    }

    public boolean escalate() {
        return Boolean.TRUE.equals(escalation.value());
    }

    /** Entities of one type, in order of appearance. */
    public List<Entity> entities(EntityType type) {
        return entities.stream().filter(e -> e.type() == type).toList();
    }
}
