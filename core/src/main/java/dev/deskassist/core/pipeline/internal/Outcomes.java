package dev.deskassist.core.pipeline.internal;

import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.audit.WriteOutcome;
import java.util.Locale;

/** What an {@link ApplyResult} amounts to for the audit trail. */
public final class Outcomes {

    private Outcomes() {
    }

    /**
     * KEPT_HUMAN when a part was kept because a human set it (since our read or since our last
     * write), else WRITTEN when anything changed, else UNCHANGED.
     */
    public static WriteOutcome of(ApplyResult result) {
        if (result.keptHumanEdits()) {
            return WriteOutcome.KEPT_HUMAN;
        }
        return result.changedAnything() ? WriteOutcome.WRITTEN : WriteOutcome.UNCHANGED;
    }
}
