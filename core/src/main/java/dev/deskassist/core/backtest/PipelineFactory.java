package dev.deskassist.core.backtest;

import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.triage.IntentModel;
import java.time.Clock;

/**
 * Builds the offline pipeline a backtest runs, the way the team configured it, but around the
 * intent model the backtest trained on older tickets. No helpdesk client is involved: a backtest
 * only calls {@link DeskAssist#assist}, which plans and never writes.
 */
@FunctionalInterface
public interface PipelineFactory {

    /**
     * @param trainedModel the model trained on the tickets before the split, or {@code null} to
     *                     use the configured one (no split, or too few labeled older tickets)
     * @param clock        set to each ticket's creation time before it is assisted, so that
     *                     age-based rules see the ticket as it was then
     */
    DeskAssist create(IntentModel trainedModel, Clock clock);
}
