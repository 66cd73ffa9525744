package dev.deskassist.core.triage.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A category of the team's taxonomy: its id (the label a classifier predicts), a description for
 * people, the group tickets of this category route to, free-form flags that later stages react to
 * ({@link #NEEDS_ORDER_NUMBER}, {@link #SENSITIVE}, or the team's own) and string attributes for
 * anything else, and the rules that force or boost it.
 */
public record Category(String id, String description, String group, Set<String> flags, Map<String, String> attributes,
                       List<CategoryRule> rules) {

    /** Flag: a reply should ask for the order number when none was found. */
    public static final String NEEDS_ORDER_NUMBER = "needsOrderNumber";
    /** Flag: personal or legal matter; drafts need approval and text must not leave the process. */
    public static final String SENSITIVE = "sensitive";

    public Category {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(group, "group");
        description = description == null ? "" : description;
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public boolean hasFlag(String flag) {
        return flags.contains(flag);
    }
}
