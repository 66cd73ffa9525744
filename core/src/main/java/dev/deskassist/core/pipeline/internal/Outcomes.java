package dev.deskassist.core.pipeline.internal;

import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.audit.WriteOutcome;
import java.util.Locale;

/** What an {@link ApplyResult} amounts to for the audit trail. */
public final class Outcomes {

    private Outcomes() {
    }

    /**
     * KEPT_HUMAN when a part was skipped because someone changed it meanwhile (the skip reasons
     * of {@code WriteBackDiff.rebase} and the ledger say so), else WRITTEN when anything changed,
     * else UNCHANGED. The skip reasons are the only place this is visible today; a typed flag on
     * {@link ApplyResult} would replace the text match.
     */
    public static WriteOutcome of(ApplyResult result) {
        for (String skipped : result.skipped()) {
            String s = skipped.toLowerCase(Locale.ROOT);
            if (s.contains("changed by someone else") || s.contains("human")) {
                return WriteOutcome.KEPT_HUMAN;
            }
        }
        return result.changedAnything() ? WriteOutcome.WRITTEN : WriteOutcome.UNCHANGED;
    }
}
