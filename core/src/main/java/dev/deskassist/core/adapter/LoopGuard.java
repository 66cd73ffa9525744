package dev.deskassist.core.adapter;

import dev.deskassist.core.model.AuthorRole;
import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stops our own write-back from starting another round, while a customer's follow-up on a
 * processed ticket is triaged again. Every update we make fires the helpdesk's triggers and
 * webhooks again, so:
 * <ul>
 *   <li><b>actor</b> (the primary guard): an event caused by one of the integration users (the API
 *       user DeskAssist writes as) is ignored. Needs the payload to carry the actor (Zendesk's
 *       event envelope does; a trigger body must include {@code {{current_user.id}}}).</li>
 *   <li><b>marker tag</b>: {@link #mark(WriteBack)} adds a tag to every non-empty plan, a label
 *       for agents and reports. Before the ticket is read ({@link #ignoreReason(TicketEvent)}) it
 *       blocks an event only when the payload names no actor and the event is not a new comment,
 *       the one case where our own update cannot be told apart otherwise. After the ticket is read
 *       ({@link #ignoreReason(TicketEvent, Ticket)}) a marked ticket is processed again only when a
 *       public customer comment came after our last note: a follow-up starts a round, an agent's
 *       edit or our own update does not.</li>
 * </ul>
 * Do not put the marker into the helpdesk's trigger condition ("tags contain none of …"): that
 * stops follow-ups from ever arriving. Filter on the acting user there instead.
 */
public final class LoopGuard {

    private final Set<String> integrationActorIds;
    private final String markerTag;

    /**
     * @param integrationActorIds ids of the users DeskAssist writes as; empty switches the actor guard off
     * @param markerTag the tag that marks a ticket as processed; {@code null} switches the marker guard off
     */
    public LoopGuard(Set<String> integrationActorIds, String markerTag) {
        this.integrationActorIds = integrationActorIds == null ? Set.of() : integrationActorIds.stream()
                .filter(s -> s != null && !s.isBlank()).map(String::strip).collect(Collectors.toUnmodifiableSet());
        this.markerTag = markerTag == null || markerTag.isBlank() ? null : markerTag.strip().toLowerCase(Locale.ROOT);
    }

    /** A guard that lets every event through and marks nothing. */
    public static LoopGuard off() {
        return new LoopGuard(Set.of(), null);
    }

    /**
     * The reason to ignore the event before reading the ticket, or empty when it should be read:
     * caused by an integration user, or a marked ticket's event that names no actor and is not a
     * new comment.
     */
    public Optional<String> ignoreReason(TicketEvent event) {
        if (event.actorId() != null && integrationActorIds.contains(event.actorId())) {
            return Optional.of("caused by the integration user");
        }
        if (markerTag != null && event.actorId() == null && event.type() != TicketEvent.Type.COMMENT_ADDED
                && hasMarker(event.tags())) {
            return Optional.of("ticket carries the marker tag " + markerTag + " and the event names no actor");
        }
        return Optional.empty();
    }

    /**
     * The reason to ignore the event once the ticket is read, or empty when it should be
     * processed: the checks of {@link #ignoreReason(TicketEvent)}, then, for a ticket we processed
     * before (it carries the marker or one of our notes), whether a public customer comment came
     * after our last note (after our last own comment when the policy posts no notes).
     */
    public Optional<String> ignoreReason(TicketEvent event, Ticket ticket) {
        Optional<String> early = ignoreReason(event);
        return early.isPresent() ? early : alreadyHandled(ticket);
    }

    /**
     * For a ticket read after its events were accepted (the pipeline folds several events into one
     * run, so no single event speaks for it): empty when it should be processed, else why not. A
     * ticket we never processed (no marker, no note of ours) is processed; one we did is processed
     * again only when a public customer comment came after our last note (after our last own
     * comment when the policy posts no notes), so an agent's reply or edit starts no round.
     */
    public Optional<String> alreadyHandled(Ticket ticket) {
        if (!processed(ticket)) {
            return Optional.empty();
        }
        List<Comment> thread = ticket.comments();
        int lastOurs = -1;
        for (int i = 0; i < thread.size(); i++) {
            Comment c = thread.get(i);
            if (c.author() == AuthorRole.SYSTEM || c.isInternal() && NoteRef.isStamped(c)) {
                lastOurs = i;
            }
        }
        for (int i = lastOurs + 1; i < thread.size(); i++) {
            Comment c = thread.get(i);
            if (c.isPublic() && c.author() == AuthorRole.CUSTOMER) {
                return Optional.empty();
            }
        }
        if (lastOurs < 0 && !thread.isEmpty() && thread.get(thread.size() - 1).author() == AuthorRole.CUSTOMER) {
            // processed without a note of ours: the thread ending with the customer is the follow-up
            return Optional.empty();
        }
        return Optional.of("processed before, and no new public customer comment since");
    }

    private boolean processed(Ticket ticket) {
        if (markerTag != null && hasMarker(ticket.tags())) {
            return true;
        }
        for (Comment c : ticket.comments()) {
            if (c.isInternal() && NoteRef.isStamped(c)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasMarker(Set<String> tags) {
        return tags.stream().anyMatch(t -> t.equalsIgnoreCase(markerTag));
    }

    /** The plan with the marker tag added when it changes anything; an empty plan stays empty. */
    public WriteBack mark(WriteBack plan) {
        if (markerTag == null || plan.isEmpty() || plan.tagsToAdd().contains(markerTag)) {
            return plan;
        }
        return plan.toBuilder().addTag(markerTag).build();
    }

    public Optional<String> markerTag() {
        return Optional.ofNullable(markerTag);
    }

    public Set<String> integrationActorIds() {
        return integrationActorIds;
    }
}
