package dev.deskassist.core.adapter;

import java.util.List;
import java.util.Objects;

/**
 * What applying a write-back plan did: the changes the helpdesk confirmed (e.g.
 * {@code "tags +[ai_billing]"}, {@code "priority high"}, {@code "internal note"}), the parts
 * skipped with the reason (already so, no field id configured, changed by a human), how many HTTP
 * requests the routine sent (writes and re-reads; a re-read counts once however many pages it
 * took) and how many concurrent-edit conflicts were resolved by re-reading and re-planning.
 *
 * <p>Two lists single out cases a caller may want to show or count: {@code keptHuman} names the
 * values left alone because a human set them (between our read and our write, or since our
 * last write), e.g. {@code "field language"}; {@code ignored} names values the helpdesk answered
 * differently than we sent (silently ignored, e.g. a field the API user may not write). Both are
 * also described in {@code skipped}; neither is ever in {@code changed}.
 */
public record ApplyResult(TicketRef ref, List<String> changed, List<String> skipped, int requests,
                          int conflictsRetried, List<String> keptHuman, List<String> ignored) {

    public ApplyResult {
        Objects.requireNonNull(ref, "ref");
        changed = changed == null ? List.of() : List.copyOf(changed);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
        keptHuman = keptHuman == null ? List.of() : List.copyOf(keptHuman);
        ignored = ignored == null ? List.of() : List.copyOf(ignored);
        if (requests < 0 || conflictsRetried < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }

    /** A result without kept or ignored values. */
    public ApplyResult(TicketRef ref, List<String> changed, List<String> skipped, int requests, int conflictsRetried) {
        this(ref, changed, skipped, requests, conflictsRetried, List.of(), List.of());
    }

    /** True when at least one change reached the helpdesk. */
    public boolean changedAnything() {
        return !changed.isEmpty();
    }

    /** True when at least one planned value was left alone because a human set it. */
    public boolean keptHumanEdits() {
        return !keptHuman.isEmpty();
    }
}
