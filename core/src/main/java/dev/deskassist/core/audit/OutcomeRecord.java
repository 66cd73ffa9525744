package dev.deskassist.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * What became of a decision, seen on a later event of the same ticket, recorded next to the
 * {@link DecisionRecord}s by an {@link AuditSink}. It holds ids, field names, values that are
 * labels or enum names (categories, priorities, group ids), confidences and scores: never ticket
 * text, never personal data.
 *
 * @param recordId         unique id of this record
 * @param decisionRecordId the decision this outcome is about, when known
 * @param field            the logical field ({@code category}, {@code priority}, {@code group}, …) or null
 * @param from             our value (written, or proposed in shadow mode), or null
 * @param to               the value the ticket holds now, or null
 * @param category         the category we decided for the ticket, for per-category rates; null when none
 * @param confidence       our confidence in {@code from}, or null
 * @param score            draft similarity in [0,1] for draft kinds, else null
 * @param elapsedSeconds   seconds from our write (or, for {@link OutcomeKind#FIRST_RESPONSE}, from the
 *                         ticket's creation) to what was seen, when timestamps allow; else null
 * @param shadow           whether the decision was made in shadow mode (nothing was written)
 */
public record OutcomeRecord(
        String recordId,
        String helpdesk,
        String ticketId,
        Instant at,
        OutcomeKind kind,
        String decisionRecordId,
        String field,
        String from,
        String to,
        String category,
        Double confidence,
        Double score,
        Long elapsedSeconds,
        boolean shadow) {

    /** The {@code type} an audit line of this record carries. */
    public static final String TYPE = "outcome";

    public OutcomeRecord {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
    }
}
