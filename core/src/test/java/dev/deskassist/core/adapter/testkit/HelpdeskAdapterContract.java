package dev.deskassist.core.adapter.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.adapter.HelpdeskAdapter;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.adapter.WebhookRejectedException;
import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.core.adapter.WriteBackException;
import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link HelpdeskAdapter} must show, as JUnit 5 tests an adapter's test class
 * inherits (like Micrometer's {@code MeterRegistryCompatibilityKit}): no request when nothing
 * changes, internal notes never public, human edits win (within one apply and across events),
 * no second note after a lost answer, typed failures, rejected webhooks, complete threads.
 *
 * <p>A subclass supplies its helpdesk's {@link FakeHelpdesk}, an adapter configured against it,
 * and webhook requests; every test gets a fresh fake and adapter.
 */
@Timeout(60)
public abstract class HelpdeskAdapterContract {

    /** Logical fields the adapter must map (to {@link #fieldKey} on the fake). */
    protected static final String CATEGORY = WriteBack.Field.CATEGORY;
    protected static final String LANGUAGE = WriteBack.Field.LANGUAGE;

    protected FakeHelpdesk fake;
    protected HelpdeskAdapter adapter;

    /** A started fake of this helpdesk with no tickets. */
    protected abstract FakeHelpdesk newFake() throws IOException;

    /**
     * An adapter talking to {@code fake.url()}, with {@link #CATEGORY} and {@link #LANGUAGE} mapped to
     * {@link #fieldKey}, {@code fake.integrationUserId()} as integration user, a webhook secret matching
     * {@link #signedWebhook}, and quick settings: read timeout of about 300 ms, at most 2 HTTP
     * retries, backoff of a few ms, 3 conflict retries.
     */
    protected abstract HelpdeskAdapter newAdapter(FakeHelpdesk fake);

    /** The helpdesk's key of a logical field, as the fake stores it (e.g. a Zendesk field id). */
    protected abstract String fieldKey(String logicalName);

    /** An authentic webhook for the ticket, signed (or authenticated) as of {@code signedAt}. */
    protected abstract WebhookRequest signedWebhook(String ticketId, String deliveryId, Instant signedAt);

    /** The same webhook without its signature (or credentials). */
    protected abstract WebhookRequest unsignedWebhook(String ticketId);

    /** The same webhook signed with a wrong secret (or wrong credentials). */
    protected abstract WebhookRequest forgedWebhook(String ticketId);

    /** An authentic request whose body is not a readable event. */
    protected abstract WebhookRequest malformedWebhook();

    /**
     * A genuine request captured and sent again an hour later; {@code null} when the helpdesk signs
     * nothing that dates a request (the case is then skipped).
     */
    protected WebhookRequest replayedWebhook(String ticketId) {
        return signedWebhook(ticketId, "replayed-1", Instant.now().minus(Duration.ofHours(1)));
    }

    /** The id of the n-th ticket a test adds; override when the helpdesk's ids are not numbers. */
    protected String ticketId(int n) {
        return String.valueOf(4200 + n);
    }

    @BeforeEach
    void startContract() throws IOException {
        fake = newFake();
        adapter = newAdapter(fake);
    }

    @AfterEach
    void stopContract() {
        if (adapter != null) {
            adapter.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    protected TicketRef ref(String id) {
        return TicketRef.of(adapter.name(), id);
    }

    protected String addTicket(int n) {
        String id = ticketId(n);
        fake.addTicket(id, "Invoice charged twice", "My invoice was charged twice, please refund it.");
        return id;
    }

    private static WriteBack triage(String id, String language, String note) {
        return WriteBack.builder(id).priority(Priority.HIGH).field(CATEGORY, "billing").field(LANGUAGE, language)
                .internalNote(note).build();
    }

    // ---- write-back ---------------------------------------------------------------------------

    @Test
    void noRequestWhenNothingChanges() {
        String id = addTicket(1);
        adapter.apply(ref(id), triage(id, "en", "AI triage: billing"));
        int calls = fake.calls().size();

        Ticket now = adapter.fetch(ref(id));
        int afterFetch = fake.calls().size();
        ApplyResult r = adapter.apply(ref(id), now, triage(id, "en", "AI triage: billing"));
        assertFalse(r.changedAnything(), r.toString());
        assertEquals(0, r.requests());
        assertEquals(afterFetch, fake.calls().size(), "no request at all");
        assertTrue(afterFetch > calls);
        assertTrue(adapter.apply(ref(id), now, WriteBack.none(id)).skipped().isEmpty());
    }

    @Test
    void theInternalNoteIsNeverPublicAndCarriesItsRef() {
        String id = addTicket(2);
        ApplyResult r = adapter.apply(ref(id), WriteBack.builder(id).internalNote("AI triage: billing")
                .idempotencyKey("contract-key-2").build());
        assertTrue(r.changed().contains("internal note"));
        List<FakeHelpdesk.FakeComment> thread = fake.thread(id);
        assertEquals(1, thread.size());
        assertFalse(thread.get(0).isPublic(), "an internal note never reaches the customer");
        assertTrue(thread.get(0).body().contains("contract-key-2"), thread.get(0).body());
        Comment read = adapter.fetch(ref(id)).comments().get(0);
        assertTrue(read.isInternal());
    }

    @Test
    void aHumanEditBetweenFetchAndWriteWins() {
        String id = addTicket(3);
        Ticket basis = adapter.fetch(ref(id));
        fake.edit(id, s -> s.fields.put(fieldKey(LANGUAGE), "fr"));

        ApplyResult r = adapter.apply(ref(id), basis, triage(id, "en", "AI triage: billing"));
        synchronized (fake.ticket(id)) {
            assertEquals("fr", fake.ticket(id).fields.get(fieldKey(LANGUAGE)), "the human's value stays");
            assertEquals("billing", fake.ticket(id).fields.get(fieldKey(CATEGORY)), "the rest is written");
            assertEquals(Priority.HIGH, fake.ticket(id).priority);
        }
        assertEquals(List.of("field " + LANGUAGE), r.keptHuman());
        assertEquals(1, fake.internalNotes(id).size());
    }

    @Test
    void aFieldAHumanChangedSinceOurLastWriteIsKeptOnTheNextEvent() {
        String id = addTicket(4);
        adapter.apply(ref(id), triage(id, "en", "AI triage: billing"));
        fake.edit(id, s -> s.fields.put(fieldKey(LANGUAGE), "fr"));

        ApplyResult retry = adapter.apply(ref(id), triage(id, "en", "AI triage: billing"));
        ApplyResult next = adapter.apply(ref(id), triage(id, "de", "AI triage after the follow-up"));
        synchronized (fake.ticket(id)) {
            assertEquals("fr", fake.ticket(id).fields.get(fieldKey(LANGUAGE)));
        }
        assertEquals(List.of("field " + LANGUAGE), retry.keptHuman());
        assertEquals(List.of("field " + LANGUAGE), next.keptHuman());
        assertTrue(next.changed().contains("internal note"), "the rest of the plan still goes out");
    }

    @Test
    void aLostResponseAfterTheNoteWasCreatedNeverYieldsASecondNote() {
        String id = addTicket(5);
        fake.failNext(FakeHelpdesk.WRITES, 1, FakeHelpdesk.Fault.LOSE_RESPONSE);
        WriteBack plan = triage(id, "en", "AI triage: billing");
        try {
            adapter.apply(ref(id), plan);
        } catch (WriteBackException e) {
            assertTrue(e.isRetryable(), "a lost answer may be retried: " + e.kind());
            adapter.apply(ref(id), plan);
        }
        adapter.apply(ref(id), plan);
        assertEquals(1, fake.internalNotes(id).size(), "exactly one note: " + fake.calls());
    }

    @Test
    void aClosedTicketIsRejectedWithoutAWrite() {
        String id = addTicket(6);
        fake.close(id);
        WriteBackException e = assertThrows(WriteBackException.class,
                () -> adapter.apply(ref(id), triage(id, "en", "note")));
        assertEquals(WriteBackException.Kind.REJECTED, e.kind());
        assertFalse(e.isRetryable());
        assertTrue(fake.writes().isEmpty(), "no write for a closed ticket");
    }

    @Test
    void anUnknownTicketIsNotFound() {
        WriteBackException e = assertThrows(WriteBackException.class,
                () -> adapter.apply(ref(ticketId(99)), triage(ticketId(99), "en", "note")));
        assertEquals(WriteBackException.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void aRateLimitIsTransientAndCarriesRetryAfter() {
        String id = addTicket(7);
        fake.rateLimitNext(FakeHelpdesk.WRITES, 1, Duration.ofHours(1));
        WriteBackException e = assertThrows(WriteBackException.class,
                () -> adapter.apply(ref(id), triage(id, "en", "note")));
        assertEquals(WriteBackException.Kind.TRANSIENT, e.kind());
        assertTrue(e.isRetryable());
        assertEquals(Duration.ofHours(1), e.retryAfter().orElseThrow());
        assertTrue(fake.internalNotes(id).isEmpty());
    }

    @Test
    void aServerErrorIsTransient() {
        String id = addTicket(8);
        fake.failNext(FakeHelpdesk.WRITES, 20, FakeHelpdesk.Fault.SERVER_ERROR);
        WriteBackException e = assertThrows(WriteBackException.class,
                () -> adapter.apply(ref(id), triage(id, "en", "note")));
        assertEquals(WriteBackException.Kind.TRANSIENT, e.kind());
        fake.clearFaults();
    }

    // ---- reading ------------------------------------------------------------------------------

    @Test
    void aThreadLongerThanOnePageIsReadCompletely() {
        String id = addTicket(9);
        fake.edit(id, s -> {
            for (int i = 1; i <= 250; i++) {
                s.addComment(s.requesterId, "message " + i, true);
            }
        });
        Ticket t = adapter.fetch(ref(id));
        assertEquals(250, t.comments().size());
        assertEquals("message 250", t.comments().get(249).body().text());
        assertEquals("message 1", t.comments().get(0).body().text());
        assertNotNull(t.version(), "a ticket carries its version for the concurrency check");
    }

    // ---- webhooks -----------------------------------------------------------------------------

    @Test
    void anAuthenticWebhookIsParsed() {
        String id = addTicket(10);
        assertEquals(ref(id), adapter.parseWebhook(signedWebhook(id, "delivery-10", Instant.now())).ref());
    }

    @Test
    void unsignedForgedAndReplayedWebhooksAreRejected() {
        String id = addTicket(11);
        assertTrue(assertThrows(WebhookRejectedException.class,
                () -> adapter.parseWebhook(unsignedWebhook(id))).reason().isAuthenticationFailure());
        assertTrue(assertThrows(WebhookRejectedException.class,
                () -> adapter.parseWebhook(forgedWebhook(id))).reason().isAuthenticationFailure());
        WebhookRequest replay = replayedWebhook(id);
        assumeTrue(replay != null, "this helpdesk dates no request");
        assertThrows(WebhookRejectedException.class, () -> adapter.parseWebhook(replay));
    }

    @Test
    void aMalformedBodyGetsATypedReason() {
        WebhookRejectedException e = assertThrows(WebhookRejectedException.class,
                () -> adapter.parseWebhook(malformedWebhook()));
        assertEquals(WebhookRejectedException.Reason.MALFORMED, e.reason());
    }
}
