package dev.deskassist.core.pipeline;

import dev.deskassist.core.adapter.TicketEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One given-up run of a ticket as the store keeps it: ids, the event kind, why, how often it was
 * tried and when. No webhook body, no ticket text, no personal data. A row this version cannot read
 * (an unreadable value, an event kind from a newer version) is listed as corrupt with its id and
 * {@link #corruption()}, its other fields {@code null} where unreadable; it is kept, never replayed.
 *
 * @param id             the store's id, for replay and list by id
 * @param helpdesk       the adapter's name
 * @param ticketId       the helpdesk's ticket id
 * @param eventType      the kind of the oldest event folded into the run
 * @param events         how many accepted events the run covered
 * @param reason         why it was given up
 * @param attempts       how many attempts were made
 * @param firstReceived  when the oldest folded event arrived
 * @param lastAttempt    when it was last tried
 * @param deadLetteredAt when it was given up
 * @param corruption     what could not be read, {@code null} for a readable row
 */
public record DeadLetterEntry(long id, String helpdesk, String ticketId, TicketEvent.Type eventType, int events,
                              DeadLetterReason reason, int attempts, Instant firstReceived, Instant lastAttempt,
                              Instant deadLetteredAt, String corruption) {

    public DeadLetterEntry {
        if (corruption == null) {
            Objects.requireNonNull(helpdesk, "helpdesk");
            Objects.requireNonNull(ticketId, "ticketId");
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(deadLetteredAt, "deadLetteredAt");
        }
    }

    /** A row that could not be read; only its id, and whatever else was readable, is known. */
    public static DeadLetterEntry corrupt(long id, String helpdesk, String ticketId, String problem) {
        return new DeadLetterEntry(id, helpdesk, ticketId, null, 0, null, 0, null, null, null,
                Objects.requireNonNull(problem, "problem"));
    }

    public boolean isCorrupt() {
        return corruption != null;
    }

    public Optional<String> corruptionValue() {
        return Optional.ofNullable(corruption);
    }
}
