package dev.deskassist.core.writeback;

import java.util.List;
import java.util.Objects;

/**
 * One value the planner considered, for the internal note and the audit: what it is, how sure
 * the engine was and why, and what the policy made of it.
 */
public record PlannedValue(Output output, String value, double confidence, List<String> reasons,
                           Disposition disposition, String why) {

    /** What happened to a value. */
    public enum Disposition {
        /** Written to the ticket by this plan. */
        APPLIED,
        /** Shown to the agent only. */
        SUGGESTED,
        /** The ticket already has this value; nothing to write. */
        ALREADY_SET,
        /** Not applied because a rule protects the current value (for example a human's HIGH priority). */
        KEPT,
        /** The engine gave no value (for example an abstained category). */
        NO_VALUE
    }

    public PlannedValue {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(disposition, "disposition");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        why = why == null ? "" : why;
    }
}
