package dev.deskassist.core.adapter;

import java.util.List;
import java.util.Objects;

/**
 * What applying a write-back plan did: the changes made (e.g. {@code "tags +[ai_billing]"},
 * {@code "priority high"}, {@code "internal note"}), the parts skipped with the reason (already
 * so, no field id configured, changed by a human meanwhile), how many HTTP requests it took and
 * how many concurrent-edit conflicts were resolved by re-reading and re-planning.
 */
public record ApplyResult(TicketRef ref, List<String> changed, List<String> skipped, int requests,
                          int conflictsRetried) {

    public ApplyResult {
        Objects.requireNonNull(ref, "ref");
        changed = changed == null ? List.of() : List.copyOf(changed);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
        if (requests < 0 || conflictsRetried < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }

    /** True when at least one change reached the helpdesk. */
    public boolean changedAnything() {
        return !changed.isEmpty();
    }
}
