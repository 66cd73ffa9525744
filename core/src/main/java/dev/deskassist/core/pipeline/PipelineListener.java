package dev.deskassist.core.pipeline;

import dev.deskassist.core.Assistance;
import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.audit.WriteOutcome;
import dev.deskassist.core.model.Ticket;
import java.time.Instant;

/**
 * Observes the pipeline's webhooks and runs, for tests, benchmarks, simulations and metrics. Run
 * callbacks come on worker threads inside the run's {@link LogContext}; keep them quick. An
 * exception thrown here is logged and ignored.
 */
public interface PipelineListener {

    /** A listener that observes nothing. */
    PipelineListener NONE = new PipelineListener() {
    };

    /**
     * A webhook call was answered by {@link Pipeline#accept}. {@code helpdesk} is {@code null} when
     * no adapter has the name the call gave. Called on the caller's (HTTP) thread.
     */
    default void webhookAnswered(String helpdesk, Acceptance acceptance) {
    }

    /** A run finished: the plan was applied (or nothing needed changing). */
    default void processed(PipelineRun run, Ticket ticket, Assistance assistance, ApplyResult result,
                           WriteOutcome outcome) {
    }

    /**
     * A run needed nothing: the ticket was processed before and nothing new came from the
     * customer since (see {@code LoopGuard.alreadyHandled}); nothing was assisted or written.
     */
    default void skipped(PipelineRun run, Ticket ticket, String reason) {
    }

    /** A run failed transiently and will be tried again at {@code due}; {@code failure} names the error (ids and codes only). */
    default void retryScheduled(PipelineRun run, Instant due, String failure) {
    }

    /** A run was given up and kept as a dead letter. */
    default void deadLettered(PipelineRun run, DeadLetterEntry entry) {
    }
}
