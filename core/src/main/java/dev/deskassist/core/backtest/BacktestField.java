package dev.deskassist.core.backtest;

import dev.deskassist.core.writeback.Output;
import java.util.Locale;

/** A triage field a backtest compares with the human decision, and the write-back output it governs. */
public enum BacktestField {
    CATEGORY(Output.CATEGORY),
    GROUP(Output.GROUP),
    PRIORITY(Output.PRIORITY),
    ESCALATION(Output.ESCALATION);

    private final Output output;

    BacktestField(Output output) {
        this.output = output;
    }

    /** The write-back output whose rule this field's figures recommend. */
    public Output output() {
        return output;
    }

    /** Lower-case name, as in JSON and policy files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
