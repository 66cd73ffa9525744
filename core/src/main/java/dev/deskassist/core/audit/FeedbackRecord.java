package dev.deskassist.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent's verdict on what DeskAssist did for a ticket, given by the helpdesk convention (the
 * tags {@code da_good} / {@code da_bad}, or a macro that sets them). Ids and labels only.
 *
 * @param verdict          {@code good} or {@code bad}
 * @param source           how it was given, e.g. {@code tag:da_bad}
 * @param category         the category we decided for the ticket, or null
 * @param decisionRecordId the decision it is about, when known
 */
public record FeedbackRecord(String recordId, String helpdesk, String ticketId, Instant at, String verdict,
                             String source, String category, String decisionRecordId, boolean shadow) {

    /** The {@code type} an audit line of this record carries. */
    public static final String TYPE = "feedback";
    public static final String GOOD = "good";
    public static final String BAD = "bad";

    public FeedbackRecord {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(at, "at");
        if (!GOOD.equals(verdict) && !BAD.equals(verdict)) {
            throw new IllegalArgumentException("verdict must be good or bad");
        }
    }
}
