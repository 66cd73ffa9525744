package dev.deskassist.freshdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.adapter.NoteRef;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.adapter.WriteBackException;
import dev.deskassist.core.adapter.testkit.FakeHelpdesk;
import dev.deskassist.core.adapter.testkit.FakeHelpdesk.Fault;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;
import dev.deskassist.freshdesk.testkit.FakeFreshdesk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Write-back against {@link FakeFreshdesk}, which checks field types and choices as Freshdesk does:
 * lost and failed answers never give a second note, two concurrent events give one, typed custom
 * fields arrive in their types, and nothing is ever sent that must not be (status, replies,
 * notifications).
 */
@Timeout(60)
class FreshdeskWriteBackTest {

    private static final String ID = "4711";
    private static final TicketRef REF = TicketRef.of("freshdesk", ID);

    private FakeFreshdesk fake;
    private FreshdeskAdapter adapter;

    private void start(FakeHelpdesk.Faults faults) throws Exception {
        fake = new FakeFreshdesk(faults);
        fake.addTicket(ID, "Refund please", "I was charged twice, please refund one payment.");
        Map<String, String> p = new HashMap<>();
        p.put("freshdesk.baseUrl", fake.url());
        p.put("freshdesk.apiToken", FakeFreshdesk.API_KEY);
        p.put("freshdesk.integrationUserIds", fake.integrationUserId());
        p.put("freshdesk.fieldIds", "category=cf_category,language=cf_language,confidence=cf_confidence,"
                + "escalation=cf_escalation,reopened=cf_reopened_count,kind=type");
        p.put("freshdesk.readTimeout", "300ms");
        p.put("freshdesk.initialBackoff", "5ms");
        p.put("freshdesk.maxBackoff", "20ms");
        adapter = new FreshdeskAdapter(FreshdeskConfig.of(p::get));
    }

    @AfterEach
    void stop() {
        if (adapter != null) {
            adapter.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    private static WriteBack triage(String key) {
        return WriteBack.builder(ID).priority(Priority.HIGH).field("category", "Billing").addTag("deskassist_processed")
                .internalNote("AI triage: billing (0.91)").idempotencyKey(key).build();
    }

    private long posts() {
        return fake.calls().stream().filter(c -> c.method().equals("POST")).count();
    }

    @Test
    void aLostAnswerAfterTheNoteWasCreatedGivesExactlyOneNote() throws Exception {
        start(FakeHelpdesk.Faults.NONE);
        fake.failNext(FakeFreshdesk.NOTE, 1, Fault.LOSE_RESPONSE);
        ApplyResult r = adapter.apply(REF, triage("run-lost-0001"));
        assertEquals(1, fake.internalNotes(ID).size(), fake.calls().toString());
        assertEquals(1, posts(), "the routine re-read and found the note instead of posting again");
        assertTrue(r.skipped().contains("internal note (already posted)"), r.skipped().toString());
        adapter.apply(REF, triage("run-lost-0001"));
        assertEquals(1, fake.internalNotes(ID).size());
    }

    @Test
    void aTimeoutAfterTheNoteWasCreatedGivesExactlyOneNote() throws Exception {
        // the fake applies the note, then answers after 2 s, past the 300 ms read timeout
        start(new FakeHelpdesk.Faults(0, 0, 0, Duration.ofSeconds(2), 0, 1));
        fake.failNext(FakeFreshdesk.NOTE, 1, Fault.TIMEOUT);
        adapter.apply(REF, triage("run-timeout-01"));
        assertEquals(1, fake.internalNotes(ID).size(), fake.calls().toString());
        assertEquals(1, posts());
    }

    @Test
    void aServerErrorAfterTheNoteLandedIsRetriedWithoutASecondNote() throws Exception {
        start(FakeHelpdesk.Faults.NONE);
        WriteBack plan = triage("run-5xx-000001");
        fake.failNext(FakeFreshdesk.NOTE, 1, Fault.SERVER_ERROR);
        WriteBackException e = assertThrows(WriteBackException.class, () -> adapter.apply(REF, plan));
        assertEquals(WriteBackException.Kind.TRANSIENT, e.kind());
        assertEquals(1, posts(), "a POST is not repeated in-process after a 5xx");
        // Freshdesk stored the note although it answered 500
        String stamped = NoteRef.stamp(plan.internalNote(), NoteRef.token(ID, plan.internalNote(), plan.idempotencyKey()));
        fake.edit(ID, s -> s.addComment(fake.integrationUserId(), FreshdeskMapping.noteHtml(stamped), false));

        ApplyResult retry = adapter.apply(REF, plan);
        assertEquals(1, fake.internalNotes(ID).size());
        assertEquals(1, posts(), "the retry looked for the key first");
        assertTrue(retry.skipped().contains("internal note (already posted)"), retry.skipped().toString());
    }

    @Test
    void twoConcurrentEventsForOneTicketGiveOneNote() throws Exception {
        start(FakeHelpdesk.Faults.NONE);
        // both read the ticket before either wrote: the worst case for a helpdesk without a conditional write
        Ticket stale = adapter.fetch(REF);
        List<Callable<ApplyResult>> events = List.of(
                () -> adapter.apply(REF, stale, WriteBack.builder(ID).internalNote("AI triage: billing")
                        .idempotencyKey("run-concurrent").build()),
                () -> adapter.apply(REF, stale, WriteBack.builder(ID).internalNote("AI triage: billing")
                        .idempotencyKey("run-concurrent").build()),
                () -> adapter.apply(REF, stale, triage("run-concurrent")),
                () -> adapter.apply(REF, triage("run-concurrent")));
        ExecutorService pool = Executors.newFixedThreadPool(events.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ApplyResult>> results = new ArrayList<>();
            for (Callable<ApplyResult> event : events) {
                results.add(pool.submit(() -> {
                    go.await();
                    return event.call();
                }));
            }
            go.countDown();
            int posted = 0;
            for (Future<ApplyResult> f : results) {
                posted += f.get(20, TimeUnit.SECONDS).changed().contains("internal note") ? 1 : 0;
            }
            assertEquals(1, posted, "one apply posted the note");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, fake.internalNotes(ID).size(), fake.calls().toString());
        assertEquals(1, posts());
    }

    @Test
    void typedCustomFieldsArriveInTheirTypes() throws Exception {
        start(FakeHelpdesk.Faults.NONE);
        ApplyResult r = adapter.apply(REF, WriteBack.builder(ID).field("category", "Billing").field("language", "de")
                .field("confidence", "0.870").field("escalation", "yes").field("reopened", "2")
                .field("kind", "refund").build());
        synchronized (fake.ticket(ID)) {
            Map<String, String> f = fake.ticket(ID).fields;
            assertEquals("billing", f.get("cf_category"), "the choice's spelling");
            assertEquals("de", f.get("cf_language"));
            assertEquals("0.87", f.get("cf_confidence"), "a number: the fake refuses a string");
            assertEquals("true", f.get("cf_escalation"), "a boolean");
            assertEquals("2", f.get("cf_reopened_count"), "an integer");
            assertEquals("Refund", f.get("type"), "the built-in type");
        }
        assertEquals(List.of("field category", "field language", "field confidence", "field escalation",
                "field reopened", "field kind"), r.changed());
        assertTrue(r.ignored().isEmpty(), r.ignored().toString());

        ApplyResult again = adapter.apply(REF, WriteBack.builder(ID).field("category", "BILLING")
                .field("confidence", "0.87").field("reopened", "2.0").build());
        assertEquals(0, fake.writes().size() - 1, "read back, the same values are no change");
        assertFalse(again.changedAnything());
    }

    @Test
    void aValueThatIsNotAChoiceIsSkippedAndTheRestWritten() throws Exception {
        start(FakeHelpdesk.Faults.NONE);
        ApplyResult r = adapter.apply(REF, WriteBack.builder(ID).priority(Priority.URGENT).field("category", "refunds")
                .field("reopened", "many").build());
        assertTrue(r.skipped().containsAll(List.of("field category (not one of the field's choices)",
                "field reopened (not a whole number)")), r.skipped().toString());
        assertEquals(List.of("priority urgent"), r.changed());
        synchronized (fake.ticket(ID)) {
            assertEquals(Priority.URGENT, fake.ticket(ID).priority);
            assertFalse(fake.ticket(ID).fields.containsKey("cf_category"));
        }
    }

    @Test
    void neverAStatusAReplyOrANotification() throws Exception {
        start(FakeHelpdesk.Faults.NONE);
        adapter.apply(REF, triage("run-never-0001").toBuilder().publicReply("Dear customer, we refunded you.").build());
        assertTrue(fake.thread(ID).stream().noneMatch(FakeHelpdesk.FakeComment::isPublic), "no reply reached the customer");
        for (FakeHelpdesk.Call c : fake.writes()) {
            assertFalse(c.path().contains("/reply"), c.path());
            assertFalse(c.body().contains("\"status\""), c.body());
            assertFalse(c.body().contains("notify_emails"), c.body());
            assertTrue(c.status() < 300, c.toString());
        }
        assertEquals(List.of("PUT", "POST"), fake.writes().stream().map(FakeHelpdesk.Call::method).toList());
    }
}
