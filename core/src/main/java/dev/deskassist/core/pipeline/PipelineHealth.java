package dev.deskassist.core.pipeline;

import java.util.Map;

/**
 * A snapshot for liveness/readiness and metrics: whether the pipeline accepts events, whether the
 * store answers, each helpdesk's circuit state and the counts of pending, in-flight and
 * dead-lettered events.
 *
 * @param accepting false while stopping or when the store cannot persist (readiness)
 * @param storeUp   whether the last store operation succeeded
 * @param circuits  helpdesk name to circuit state (CLOSED, OPEN, HALF_OPEN, UNKNOWN)
 * @param pending   events accepted and not yet processed or dead-lettered, in the whole store; -1 when the
 *                  store does not answer
 * @param inFlight  runs going on in this process now
 * @param deadLetters entries kept as dead letters; -1 when the store does not answer
 * @param counters  monotonic counters since start (accepted, duplicates, ignored, unauthenticated,
 *                  malformed, unknownHelpdesk, unavailable, processed, retried, waited, deadLettered), by name
 */
public record PipelineHealth(boolean accepting, boolean storeUp, Map<String, String> circuits, long pending,
                             int inFlight, long deadLetters, Map<String, Long> counters) {

    public PipelineHealth {
        circuits = Map.copyOf(circuits);
        counters = Map.copyOf(counters);
    }
}
