package dev.deskassist.core.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The audit trail of one {@code assist} call: which ticket, when, which library and engines,
 * every decided value with confidence and reasons, stage timings and problems. It holds ids and
 * decisions only, no ticket text and no personal data.
 */
public record DecisionRecord(
        String recordId,
        String ticketId,
        Instant at,
        String libraryVersion,
        List<FieldDecision> decisions,
        Map<String, Long> timingsMicros,
        List<String> problems) {

    public DecisionRecord {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        timingsMicros = timingsMicros == null ? Map.of() : Map.copyOf(timingsMicros);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** The decision for one field, if recorded. */
    public java.util.Optional<FieldDecision> decision(String field) {
        return decisions.stream().filter(d -> d.field().equals(field)).findFirst();
    }
}
