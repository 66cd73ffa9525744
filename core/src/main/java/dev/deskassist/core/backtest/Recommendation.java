package dev.deskassist.core.backtest;

import dev.deskassist.core.writeback.OutputRule;
import dev.deskassist.core.writeback.WriteMode;
import java.util.Objects;

/**
 * What the backtest advises for one field or one of its values: AUTO at the lowest threshold
 * whose precision met the target with enough support, SUGGEST when it did not but the answers
 * still help an agent, OFF when they would mostly mislead. {@code reason} says which figure decided.
 */
public record Recommendation(WriteMode mode, double threshold, double precision, double coverage, long support,
                             String reason) {

    public Recommendation {
        Objects.requireNonNull(mode, "mode");
        reason = reason == null ? "" : reason;
    }

    /** The write-back rule this recommendation amounts to. */
    public OutputRule rule() {
        return switch (mode) {
            case AUTO -> OutputRule.auto(threshold);
            case SUGGEST -> OutputRule.suggest();
            case OFF -> OutputRule.off();
        };
    }
}
