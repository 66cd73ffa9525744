package dev.deskassist.zendesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.LoopGuard;
import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;
import dev.deskassist.zendesk.testkit.FakeZendesk;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replays the trigger recipe of {@code docs/zendesk.md} against a fake Zendesk: conditions "Ticket
 * is Created" or "Comment is Public", and "Current user is not" the integration user; body with
 * the ticket id, the event, the acting user and the tags. A customer's follow-up on a processed
 * ticket is triaged again; our own update starts no round.
 */
class ZendeskFollowUpTest {

    private static final String SECRET = "recipe-secret";
    private static final String TICKET = "101";

    private FakeZendesk zendesk;
    private ZendeskAdapter adapter;
    private LoopGuard guard;
    private String customer;

    @BeforeEach
    void start() throws Exception {
        zendesk = new FakeZendesk();
        zendesk.addTicket(TICKET, "Rechnung doppelt abgebucht", "Meine Rechnung wurde doppelt abgebucht.", "Eva Muster",
                "eva@example.de", "Muster GmbH", List.of(), List.of());
        customer = zendesk.ticket(TICKET).requesterId;
        Map<String, String> p = new HashMap<>();
        p.put("zendesk.baseUrl", zendesk.url());
        p.put("zendesk.email", "bot@example.com");
        p.put("zendesk.apiToken", "t");
        p.put("zendesk.webhookSecret", SECRET);
        p.put("zendesk.integrationUserIds", zendesk.integrationUserId());
        p.put("zendesk.fieldIds", "category=360001");
        ZendeskConfig config = ZendeskConfig.of(p::get);
        adapter = new ZendeskAdapter(config);
        guard = new LoopGuard(config.integrationUserIds(), config.markerTag().orElse(null));
    }

    @AfterEach
    void stop() {
        adapter.close();
        zendesk.close();
    }

    /** The recipe's conditions, as Zendesk evaluates them after a change made by {@code actor}. */
    private boolean triggerFires(boolean created, boolean publicComment, String actor) {
        return (created || publicComment) && !actor.equals(zendesk.integrationUserId());
    }

    /** The webhook the trigger sends: the recommended body plus the tags placeholder, rendered. */
    private WebhookRequest webhook(String event, String actor, String delivery) {
        String tags = String.join(" ", zendesk.tags(TICKET));
        String body = "{\"ticket_id\":\"" + TICKET + "\",\"event\":\"" + event + "\",\"actor_id\":\"" + actor
                + "\",\"tags\":\"" + tags + "\"}";
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return WebhookRequest.ofSingleValued("POST", "/webhooks/zendesk", Map.of(
                ZendeskWebhook.TIMESTAMP_HEADER, ts, ZendeskWebhook.SIGNATURE_HEADER, ZendeskWebhook.sign(SECRET, ts, bytes),
                ZendeskWebhook.INVOCATION_HEADER, delivery), bytes, Instant.now());
    }

    /** What the worker does with an event: guard, read, guard again, plan, write. Empty when processed. */
    private Optional<String> process(WebhookRequest request, String note) {
        TicketEvent event = adapter.parseWebhook(request);
        Optional<String> early = guard.ignoreReason(event);
        if (early.isPresent()) {
            return early;
        }
        Ticket ticket = adapter.fetch(event.ref());
        Optional<String> late = guard.ignoreReason(event, ticket);
        if (late.isPresent()) {
            return late;
        }
        adapter.apply(event.ref(), ticket, guard.mark(WriteBack.builder(TICKET).field("category", "billing")
                .internalNote(note).idempotencyKey(event.deliveryId()).build()));
        return Optional.empty();
    }

    @Test
    void aFollowUpIsTriagedAgainAndOurOwnUpdateIsNot() {
        assertTrue(triggerFires(true, true, customer));
        assertEquals(Optional.empty(), process(webhook("created", customer, "inv-1"), "AI triage: billing"));
        assertEquals(1, zendesk.internalNotes(TICKET).size());
        assertTrue(zendesk.tags(TICKET).contains("deskassist_processed"), "the marker stays as a label");

        // our update: an internal note by the integration user; the trigger stays silent, and had it
        // fired (e.g. an event subscription), the actor guard ignores it
        assertFalse(triggerFires(false, false, zendesk.integrationUserId()));
        assertEquals("caused by the integration user",
                process(webhook("updated", zendesk.integrationUserId(), "inv-2"), "x").orElseThrow());
        // an agent's edit of the processed ticket starts no round either
        assertTrue(process(webhook("updated", "381", "inv-3"), "x").isPresent());

        // the customer writes again: the marker no longer blocks, the follow-up is triaged
        zendesk.customerComment(TICKET, "Es wurde schon wieder doppelt abgebucht!");
        assertTrue(triggerFires(false, true, customer));
        assertEquals(Optional.empty(), process(webhook("updated", customer, "inv-4"), "AI triage after the follow-up"));
        assertEquals(2, zendesk.internalNotes(TICKET).size(), "a second note for the follow-up");

        // a redelivery of that event finds the follow-up answered by our note
        assertEquals("processed before, and no new public customer comment since",
                process(webhook("updated", customer, "inv-4"), "AI triage after the follow-up").orElseThrow());
        assertEquals(2, zendesk.internalNotes(TICKET).size());
    }
}
