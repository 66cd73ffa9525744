package dev.deskassist.core.outcome;

import java.time.Instant;
import java.util.Objects;

/**
 * A labeled training row harvested from a human correction of our category: the ticket's
 * customer text, pseudonymized (names, e-mail addresses, phone numbers and the like replaced by
 * placeholders), and the category the human chose. {@code toString()} leaves out the text.
 */
public record CorrectionRow(String text, String label, String helpdesk, String ticketId, Instant at) {

    public CorrectionRow {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public String toString() {
        return "CorrectionRow[label=" + label + ", ticket=" + helpdesk + ":" + ticketId + ", chars=" + text.length()
                + "]";
    }
}
