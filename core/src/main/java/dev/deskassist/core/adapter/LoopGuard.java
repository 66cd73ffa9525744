package dev.deskassist.core.adapter;

import dev.deskassist.core.writeback.WriteBack;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stops our own write-back from starting another round: every update we make fires the
 * helpdesk's triggers and webhooks again. Two independent guards, use either or both:
 * <ul>
 *   <li><b>actor</b>: an event caused by one of the integration users (the API user DeskAssist
 *       writes as) is ignored. Precise: a customer's later reply is still processed. Needs the
 *       payload to carry the actor (Zendesk's event envelope does; a trigger body must include
 *       {@code {{current_user.id}}}).</li>
 *   <li><b>marker tag</b>: {@link #mark(WriteBack)} adds a tag to every non-empty plan, and an
 *       event whose ticket already carries it is ignored. Works when the actor is unknown, but
 *       then each ticket is processed once only. The same tag belongs in the helpdesk's trigger
 *       condition ("tags contain none of …") so that the webhook is not even sent.</li>
 * </ul>
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

    /** The reason to ignore the event, or empty when it should be processed. */
    public Optional<String> ignoreReason(TicketEvent event) {
        if (event.actorId() != null && integrationActorIds.contains(event.actorId())) {
            return Optional.of("caused by the integration user");
        }
        if (markerTag != null && event.tags().stream().anyMatch(t -> t.equalsIgnoreCase(markerTag))) {
            return Optional.of("ticket carries the marker tag " + markerTag);
        }
        return Optional.empty();
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
