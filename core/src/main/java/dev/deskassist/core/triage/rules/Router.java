package dev.deskassist.core.triage.rules;

import dev.deskassist.core.model.Decision;
import java.util.Objects;
import java.util.Optional;

/**
 * Routes a ticket to the group of its category, or to a fallback group (the team's triage queue)
 * when the category was abstained or has no group in the taxonomy.
 */
public final class Router {

    private final Taxonomy taxonomy;
    private final String fallbackGroup;

    /** Routes with the taxonomy's own fallback group. */
    public Router(Taxonomy taxonomy) {
        this(taxonomy, taxonomy.fallbackGroup());
    }

    public Router(Taxonomy taxonomy, String fallbackGroup) {
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
        this.fallbackGroup = Objects.requireNonNull(fallbackGroup, "fallbackGroup");
    }

    public Decision<String> route(Decision<String> category) {
        if (!category.hasValue()) {
            return Decision.of(fallbackGroup, 1.0, "routing", "no category chosen: default group " + fallbackGroup);
        }
        Optional<Category> c = taxonomy.category(category.value());
        if (c.isEmpty()) {
            return Decision.of(fallbackGroup, 1.0, "routing",
                    "category " + category.value() + " has no group in the taxonomy: default group " + fallbackGroup);
        }
        return Decision.of(c.get().group(), category.confidence(), "routing",
                "category " + c.get().id() + " routes to " + c.get().group());
    }

    @Override
    public String toString() {
        return "Router[fallback=" + fallbackGroup + "]";
    }
}
