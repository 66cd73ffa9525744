package dev.deskassist.core.adapter;

import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;

/**
 * The one extension point per helpdesk: turn a webhook into an event, read a ticket with its
 * whole thread into the core model, and apply a helpdesk-neutral {@link WriteBack} plan. An
 * adapter only translates; retries, rate limits, circuit breaking ({@code core.http}), the
 * write-back frame ({@link WriteBackRoutine}: diff, concurrency, verification, human-wins,
 * idempotent notes, error kinds; the adapter implements {@link WriteTarget} for it),
 * de-duplication ({@link DeliveryDeduplicator}) and loop prevention ({@link LoopGuard}) are
 * shared. Implementations are thread-safe.
 */
public interface HelpdeskAdapter extends AutoCloseable {

    /** The helpdesk's name as used in {@link TicketRef#helpdesk()}, e.g. {@code "zendesk"}. */
    String name();

    /**
     * Verifies the request's authenticity first (signature, timestamp tolerance), then parses it.
     *
     * @throws WebhookRejectedException with a reason when the request is not authentic or not readable
     */
    TicketEvent parseWebhook(WebhookRequest request);

    /**
     * Reads the ticket, its whole thread (internal notes marked as such) and its requester.
     *
     * @throws dev.deskassist.core.http.HttpApiException (typed: not found, authentication, …) when it cannot
     */
    Ticket fetch(TicketRef ref);

    /**
     * Applies a plan to the ticket as it is now: reads it, sends only real changes and never
     * overwrites a concurrent human edit. Sends no request at all when nothing would change.
     *
     * @throws WriteBackException when the plan could not be applied completely
     */
    default ApplyResult apply(TicketRef ref, WriteBack plan) {
        return apply(ref, fetch(ref), plan);
    }

    /**
     * Applies a plan that was made from {@code basis} (a ticket this adapter fetched). A human
     * edit made after {@code basis} was read is detected and wins over the plan, and so does a
     * value a human set since our last write (see {@link WriteLedger}).
     *
     * @throws WriteBackException when the plan could not be applied completely
     */
    ApplyResult apply(TicketRef ref, Ticket basis, WriteBack plan);

    /**
     * Like {@link #apply(TicketRef, Ticket, WriteBack)}, remembering what was written in
     * {@code ledger} (e.g. the pipeline's durable store) instead of the adapter's own. Adapters
     * built on {@link WriteBackRoutine} honour it; the default ignores it.
     */
    default ApplyResult apply(TicketRef ref, Ticket basis, WriteBack plan, WriteLedger ledger) {
        return apply(ref, basis, plan);
    }

    /**
     * The poller that lists changed tickets, for helpdesks whose webhooks can be lost; empty when
     * webhooks are enough (the default).
     */
    default java.util.Optional<TicketPoller> poller() {
        return java.util.Optional.empty();
    }

    /** The state of the adapter's circuit breaker (CLOSED, OPEN, HALF_OPEN), for health checks. */
    default String circuitState() {
        return "UNKNOWN";
    }

    @Override
    default void close() {
    }
}
