package dev.deskassist.core.writeback;

import dev.deskassist.core.draft.Draft;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.summary.Summary;
import dev.deskassist.core.triage.TriageResult;

/**
 * Turns what the engines decided into a {@link WriteBack} plan, applying the team's policy of
 * what may be written automatically, only suggested, or not at all.
 */
@FunctionalInterface
public interface WriteBackPlanner {

    /** {@code summary} and {@code draft} are {@code null} when those skills are off or failed. */
    WriteBack plan(Ticket ticket, TriageResult triage, Summary summary, Draft draft);
}
