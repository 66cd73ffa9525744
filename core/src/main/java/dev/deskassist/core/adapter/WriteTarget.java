package dev.deskassist.core.adapter;

import dev.deskassist.core.http.HttpApiException;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;
import java.util.List;

/**
 * The helpdesk half of write-back, what {@link WriteBackRoutine} asks of an adapter: read a
 * ticket, translate logical names, and send one request's worth of changes. The routine owns
 * everything else (diff, concurrency check, verification, rebase, human-wins, idempotent notes,
 * error kinds), the way a {@code ChatModel} frame owns a call and a provider implements only the
 * request. Implementations are thread-safe and hold no per-call state.
 */
public interface WriteTarget {

    /** How the helpdesk keeps a stale write from overwriting a newer edit. */
    enum Concurrency {
        /**
         * The helpdesk rejects a write made from a stale version with
         * {@link dev.deskassist.core.http.ConflictException} (Zendesk's {@code safe_update} and
         * {@code updated_stamp}). {@link #send} must pass {@code current.version()} along.
         */
        COMPARE_AND_SET,
        /**
         * The helpdesk has no conditional write (Freshdesk, ServiceNow): the routine re-reads the
         * version just before writing values and rebases when it moved, then verifies the answer.
         */
        CLIENT_CHECK
    }

    /**
     * What one {@link #send} carried, and the ticket as the helpdesk answered after the write
     * ({@code null} when the answer holds no ticket, e.g. a note endpoint). Values (tags,
     * priority, group, fields) are always carried together, in one request. {@code findings} are
     * what the helpdesk's answer showed amiss beyond the values the routine compares itself (e.g.
     * ServiceNow's version moving by more than one); the routine adds them to
     * {@link ApplyResult#skipped()}, so that a target need keep no per-call state to report them.
     */
    record Sent(boolean values, boolean internalNote, boolean publicReply, Ticket answered, List<String> findings) {

        public Sent {
            if (!values && !internalNote && !publicReply) {
                throw new IllegalArgumentException("a send must carry something");
            }
            findings = List.copyOf(findings);
        }

        /** A send whose answer showed nothing amiss. */
        public Sent(boolean values, boolean internalNote, boolean publicReply, Ticket answered) {
            this(values, internalNote, publicReply, answered, List.of());
        }

        /** Everything in {@code changes} went in one request. */
        public static Sent all(WriteBackDiff.Changes changes, Ticket answered) {
            return all(changes, answered, List.of());
        }

        /** Everything in {@code changes} went in one request, whose answer showed {@code findings}. */
        public static Sent all(WriteBackDiff.Changes changes, Ticket answered, List<String> findings) {
            return new Sent(changes.hasValues(), changes.internalNote() != null, changes.publicReply() != null,
                    answered, findings);
        }
    }

    /** How this helpdesk guards against stale writes. */
    Concurrency concurrency();

    /**
     * Reads the ticket as it is now: values, version, and the whole thread (internal notes marked).
     *
     * @throws HttpApiException when it cannot
     */
    Ticket fetch(TicketRef ref);

    /**
     * The plan in the helpdesk's terms, e.g. a group name replaced by the group id its tickets
     * hold; what cannot be translated is left out and described in {@code skipped}.
     */
    default WriteBack translate(WriteBack plan, List<String> skipped) {
        return plan;
    }

    /** Whether a logical field (e.g. {@code category}) can be written, i.e. has a helpdesk field. */
    boolean supportsField(String logicalName);

    /**
     * Sends as much of {@code changes} as one request of this helpdesk can carry: at least the
     * values when there are any (all of them), else the note, else the reply. The routine calls
     * again with what is left. With {@link Concurrency#COMPARE_AND_SET} the request is made
     * conditional on {@code current.version()}.
     *
     * @throws HttpApiException when the request failed (typed; a stale version is a ConflictException)
     */
    Sent send(TicketRef ref, WriteBackDiff.Changes changes, Ticket current);

    /**
     * Whether {@code value} is what the helpdesk puts into a field nobody chose, so that it counts as
     * empty when deciding whether a human set it (e.g. Freshdesk's default priority). Keys are
     * {@link WriteLedger} write keys: {@code priority} (an enum name), {@code group},
     * {@code field:<logical name>}.
     */
    default boolean isDefault(String writeKey, String value) {
        return false;
    }

    /** Whether the ticket accepts no more updates; the routine then sends nothing. */
    default boolean isClosed(Ticket ticket) {
        return "closed".equalsIgnoreCase(ticket.status());
    }

    /** The kind of a failed call; override only where a helpdesk's status codes mean something else. */
    default WriteBackException.Kind classify(HttpApiException e) {
        return WriteBackException.Kind.of(e);
    }
}
