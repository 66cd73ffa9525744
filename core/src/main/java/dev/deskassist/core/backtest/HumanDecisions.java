package dev.deskassist.core.backtest;

import dev.deskassist.core.model.Priority;
import java.util.Optional;

/**
 * What the team's agents decided on a historical ticket, as read from the export. Any part may
 * be missing ({@code null}): such a ticket is left out of that field's figures and counted.
 */
public record HumanDecisions(String category, String group, Priority priority, Boolean escalated) {

    /** A ticket on which no decision could be read. */
    public static final HumanDecisions NONE = new HumanDecisions(null, null, null, null);

    public HumanDecisions {
        category = blankToNull(category);
        group = blankToNull(group);
    }

    /** The human value of one field, as text ({@code true}/{@code false} for escalation). */
    public Optional<String> value(BacktestField field) {
        Object v = switch (field) {
            case CATEGORY -> category;
            case GROUP -> group;
            case PRIORITY -> priority == null ? null : priority.name();
            case ESCALATION -> escalated;
        };
        return v == null ? Optional.empty() : Optional.of(v.toString());
    }

    /** True when not one field has a human decision. */
    public boolean isEmpty() {
        return category == null && group == null && priority == null && escalated == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
