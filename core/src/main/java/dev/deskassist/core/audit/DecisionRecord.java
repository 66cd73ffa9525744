package dev.deskassist.core.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit trail of one {@code assist} call: which ticket, when, which library and engines,
 * every decided value with confidence and reasons, stage timings and problems. It holds ids and
 * decisions only, no ticket text and no personal data. When the event pipeline runs the call, it
 * adds the helpdesk and what became of the write-back ({@link WriteOutcome}); a record made by
 * {@code DeskAssist.assist} alone has neither ({@code null}).
 */
public record DecisionRecord(
        String recordId,
        String ticketId,
        Instant at,
        String libraryVersion,
        List<FieldDecision> decisions,
        Map<String, Long> timingsMicros,
        List<String> problems,
        String helpdesk,
        WriteOutcome outcome) {

    public DecisionRecord {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        timingsMicros = timingsMicros == null ? Map.of() : Map.copyOf(timingsMicros);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** A record of the decision alone, before anything was written back. */
    public DecisionRecord(String recordId, String ticketId, Instant at, String libraryVersion,
                          List<FieldDecision> decisions, Map<String, Long> timingsMicros, List<String> problems) {
        this(recordId, ticketId, at, libraryVersion, decisions, timingsMicros, problems, null, null);
    }

    /** This record with the helpdesk and the write-back's outcome. */
    public DecisionRecord withOutcome(String helpdesk, WriteOutcome outcome) {
        return new DecisionRecord(recordId, ticketId, at, libraryVersion, decisions, timingsMicros, problems, helpdesk,
                outcome);
    }

    /** The decision for one field, if recorded. */
    public Optional<FieldDecision> decision(String field) {
        return decisions.stream().filter(d -> d.field().equals(field)).findFirst();
    }
}
