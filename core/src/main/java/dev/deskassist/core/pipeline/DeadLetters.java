package dev.deskassist.core.pipeline;

import java.time.Instant;
import java.util.List;

/**
 * The events given up on, kept in the store for inspection and replay. Works with or without a
 * running pipeline, also from another process while one runs: a replayed entry becomes a pending
 * event again, and the running workers pick it up at their next poll.
 */
public interface DeadLetters {

    /** Matching entries, oldest first; unreadable rows appear as {@link DeadLetterEntry#isCorrupt() corrupt}. */
    List<DeadLetterEntry> list(DeadLetterQuery query);

    /**
     * Moves matching entries back to pending, with fresh attempts and a fresh retry horizon.
     * Corrupt rows are skipped and kept; they never stop the others.
     *
     * @return how many entries were moved
     */
    int replay(DeadLetterQuery query);

    /**
     * Deletes entries dead-lettered before {@code olderThan}.
     *
     * @return how many were deleted
     */
    int purge(Instant olderThan);

    /** How many entries there are, corrupt ones included. */
    long count();
}
