package dev.deskassist.core.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.WriteBackException.Kind;
import dev.deskassist.core.adapter.WriteTarget.Concurrency;
import dev.deskassist.core.http.AuthenticationException;
import dev.deskassist.core.http.ErrorDetails;
import dev.deskassist.core.http.RateLimitedException;
import dev.deskassist.core.http.ServerErrorException;
import dev.deskassist.core.http.ValidationException;
import dev.deskassist.core.model.AuthorRole;
import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WriteBackRoutineTest {

    private static final TicketRef REF = TicketRef.of("memory", "7");

    private static WriteBack triage(String language) {
        return WriteBack.builder("7").addTag("ai_billing").priority(Priority.HIGH).field("category", "billing")
                .field("language", language).internalNote("AI triage: billing").build();
    }

    @ParameterizedTest
    @EnumSource(Concurrency.class)
    void writesOnceThenNothingIsLeftToChange(Concurrency c) {
        MemoryDesk desk = new MemoryDesk(c);
        WriteBackRoutine routine = new WriteBackRoutine(desk);
        ApplyResult first = routine.apply(REF, triage("en"));
        assertEquals(List.of("tags +[ai_billing]", "priority high", "field category", "field language", "internal note"),
                first.changed());
        assertEquals(1, desk.sends);

        int fetches = desk.fetches;
        ApplyResult again = routine.apply(REF, desk.fetch(REF), triage("en"));
        assertFalse(again.changedAnything());
        assertEquals(0, again.requests(), "no request when nothing changes");
        assertEquals(1, desk.sends);
        assertEquals(fetches + 1, desk.fetches);
        assertTrue(again.skipped().contains("internal note (already posted)"));
    }

    @Test
    void noteEndsWithItsRefLineAndTheKeyDecidesIdentity() {
        MemoryDesk desk = new MemoryDesk(Concurrency.CLIENT_CHECK);
        WriteBackRoutine routine = new WriteBackRoutine(desk);
        routine.apply(REF, WriteBack.builder("7").internalNote("AI triage").idempotencyKey("delivery-123").build());
        String body = desk.comments.get(0).body().full();
        assertTrue(body.endsWith("DeskAssist ref: delivery-123"), body);

        // the same key with another text (the ticket changed between attempts) is still the same note
        ApplyResult r = routine.apply(REF, WriteBack.builder("7").internalNote("AI triage, reworded")
                .idempotencyKey("delivery-123").build());
        assertEquals(1, desk.notes());
        assertFalse(r.changedAnything());

        // without a key, the text decides: another text is another note, with a stable short hash
        routine.apply(REF, WriteBack.builder("7").internalNote("Second opinion").build());
        assertEquals(2, desk.notes());
        String token = NoteRef.token("7", "Second opinion", null);
        assertTrue(desk.comments.get(1).body().full().endsWith("DeskAssist ref: " + token));
        assertEquals(token, NoteRef.token("7", "Second opinion", null));
        assertNotEquals(token, NoteRef.token("8", "Second opinion", null));
    }

    @Test
    void aHumanEditBetweenReadAndWriteWinsWithCompareAndSet() {
        MemoryDesk desk = new MemoryDesk(Concurrency.COMPARE_AND_SET);
        Ticket basis = desk.fetch(REF);
        desk.human(() -> desk.priority = Priority.LOW);

        ApplyResult r = new WriteBackRoutine(desk).apply(REF, basis, triage("en"));
        assertEquals(Priority.LOW, desk.priority, "the agent's priority stays");
        assertEquals(1, r.conflictsRetried());
        assertEquals(List.of("priority"), r.keptHuman());
        assertEquals("billing", desk.fields.get("category"), "what nobody touched is still written");
        assertEquals(2, desk.sends, "the stale write was refused, the rebased one went through");
        assertEquals(1, desk.notes());
    }

    @Test
    void aHumanEditBetweenReadAndWriteWinsWithAClientCheck() {
        MemoryDesk desk = new MemoryDesk(Concurrency.CLIENT_CHECK);
        Ticket basis = desk.fetch(REF);
        desk.human(() -> desk.fields.put("language", "fr"));

        ApplyResult r = new WriteBackRoutine(desk).apply(REF, basis, triage("en"));
        assertEquals("fr", desk.fields.get("language"));
        assertEquals(1, r.conflictsRetried(), "the version moved before our write");
        assertEquals(List.of("field language"), r.keptHuman());
        assertEquals(1, desk.sends, "re-read before the write, so no stale write was sent");
        assertTrue(r.changed().contains("field category"));
    }

    @ParameterizedTest
    @EnumSource(Concurrency.class)
    void aFieldAHumanChangedAfterOurWriteIsKeptOnARetryAndOnTheNextEvent(Concurrency c) {
        MemoryDesk desk = new MemoryDesk(c);
        WriteLedger ledger = WriteLedger.inMemory();
        WriteBackRoutine routine = new WriteBackRoutine(desk, ledger, 3);
        routine.apply(REF, triage("en"));
        assertEquals("en", desk.fields.get("language"));
        assertEquals(Map.of("priority", "HIGH", "field:category", "billing", "field:language", "en"),
                ledger.written(REF));

        desk.human(() -> desk.fields.put("language", "fr"));
        // a fresh attempt of the same event (e.g. a retry after a crash) ...
        ApplyResult retry = routine.apply(REF, triage("en"));
        assertEquals("fr", desk.fields.get("language"));
        assertEquals(List.of("field language"), retry.keptHuman());
        assertTrue(retry.skipped().contains("field language (kept: changed by a human)"), retry.skipped().toString());

        // ... and the next event, with a new note and a new opinion on the language
        ApplyResult next = new WriteBackRoutine(desk, ledger, 3).apply(REF, WriteBack.builder("7")
                .field("language", "de").field("category", "refund").internalNote("Follow-up triage").build());
        assertEquals("fr", desk.fields.get("language"));
        assertEquals("refund", desk.fields.get("category"), "a field still holding our value is ours to update");
        assertEquals(List.of("field language"), next.keptHuman());
        assertEquals("refund", ledger.written(REF).get("field:category"));
        assertEquals("en", ledger.written(REF).get("field:language"), "the kept value is not recorded as ours");
    }

    @Test
    void aValueSetBeforeWeEverWroteIsAHumansButADefaultCountsAsEmpty() {
        MemoryDesk desk = new MemoryDesk(Concurrency.CLIENT_CHECK);
        desk.priority = Priority.NORMAL;
        ApplyResult r = new WriteBackRoutine(desk).apply(REF, WriteBack.builder("7").priority(Priority.HIGH).build());
        assertEquals(Priority.NORMAL, desk.priority);
        assertEquals(List.of("priority"), r.keptHuman());

        MemoryDesk withDefault = new MemoryDesk(Concurrency.CLIENT_CHECK);
        withDefault.priority = Priority.LOW;
        withDefault.defaultPriority = Priority.LOW;
        new WriteBackRoutine(withDefault).apply(REF, WriteBack.builder("7").priority(Priority.HIGH).build());
        assertEquals(Priority.HIGH, withDefault.priority, "the helpdesk's default is nobody's choice");
    }

    @ParameterizedTest
    @EnumSource(Concurrency.class)
    void aLostAnswerAfterTheNoteWasCreatedNeverYieldsASecondNote(Concurrency c) {
        MemoryDesk desk = new MemoryDesk(c);
        desk.faults.add(MemoryDesk.Fault.LOSE_ANSWER_AFTER_APPLYING);
        WriteLedger ledger = WriteLedger.inMemory();
        ApplyResult r = new WriteBackRoutine(desk, ledger, 3).apply(REF, triage("en"));
        assertEquals(1, desk.notes());
        assertEquals(1, desk.sends, "the re-read showed everything in place");
        assertTrue(r.skipped().contains("internal note (already posted)"));
        assertEquals("en", ledger.written(REF).get("field:language"), "values found after a lost answer count as ours");

        // with no retries left the event fails, and the caller's next attempt posts nothing either
        MemoryDesk other = new MemoryDesk(c);
        other.faults.add(MemoryDesk.Fault.LOSE_ANSWER_AFTER_APPLYING);
        WriteBackException e = assertThrows(WriteBackException.class,
                () -> new WriteBackRoutine(other, WriteLedger.inMemory(), 0).apply(REF, triage("en")));
        assertEquals(Kind.TRANSIENT, e.kind());
        new WriteBackRoutine(other).apply(REF, triage("en"));
        assertEquals(1, other.notes());
        assertEquals(1, other.sends);
    }

    @Test
    void valuesTheHelpdeskSilentlyIgnoredAreReportedNotClaimed() {
        MemoryDesk desk = new MemoryDesk(Concurrency.CLIENT_CHECK);
        desk.silentlyIgnored.add("category");
        WriteLedger ledger = WriteLedger.inMemory();
        ApplyResult r = new WriteBackRoutine(desk, ledger, 3).apply(REF, triage("en"));
        assertEquals(List.of("field category"), r.ignored());
        assertFalse(r.changed().contains("field category"));
        assertTrue(r.changed().contains("field language"));
        assertTrue(r.skipped().contains("field category (ignored by the helpdesk)"));
        assertFalse(ledger.written(REF).containsKey("field:category"));
    }

    @Test
    void anAnswerWithoutTheTicketIsVerifiedByReading() {
        MemoryDesk desk = new MemoryDesk(Concurrency.CLIENT_CHECK);
        desk.answersWithTicket = false;
        desk.silentlyIgnored.add("language");
        int before = desk.fetches;
        ApplyResult r = new WriteBackRoutine(desk).apply(REF, triage("en"));
        assertEquals(List.of("field language"), r.ignored());
        assertEquals(before + 2, desk.fetches, "one read to start, one to verify");
    }

    @Test
    void aClosedTicketIsRejectedWithoutARequest() {
        MemoryDesk desk = new MemoryDesk(Concurrency.COMPARE_AND_SET);
        desk.status = "Closed";
        WriteBackException e = assertThrows(WriteBackException.class,
                () -> new WriteBackRoutine(desk).apply(REF, desk.fetch(REF), triage("en")));
        assertEquals(Kind.REJECTED, e.kind());
        assertFalse(e.isRetryable());
        assertEquals(0, desk.sends);
        assertEquals(0, e.partial().requests());
    }

    @Test
    void failuresMapToKindsInOnePlaceAndKeepThePartialResult() {
        assertKind(new RateLimitedException("m", "PUT", "/t", Duration.ofSeconds(93), ErrorDetails.NONE),
                Kind.TRANSIENT, Optional.of(Duration.ofSeconds(93)));
        assertKind(new ServerErrorException("m", 503, "PUT", "/t", ErrorDetails.NONE), Kind.TRANSIENT, Optional.empty());
        assertKind(new AuthenticationException("m", 403, "PUT", "/t", ErrorDetails.NONE), Kind.AUTHENTICATION,
                Optional.empty());
        assertKind(new ValidationException("m", 422, "PUT", "/t", ErrorDetails.NONE), Kind.REJECTED, Optional.empty());

        MemoryDesk gone = new MemoryDesk(Concurrency.CLIENT_CHECK);
        gone.exists = false;
        assertEquals(Kind.NOT_FOUND, assertThrows(WriteBackException.class,
                () -> new WriteBackRoutine(gone).apply(REF, triage("en"))).kind());

        // a reply after the note failed: the note is in the partial result
        MemoryDesk desk = new MemoryDesk(Concurrency.COMPARE_AND_SET);
        Ticket basis = desk.fetch(REF);
        WriteBackRoutine routine = new WriteBackRoutine(desk);
        desk.beforeSend = () -> desk.beforeSend = () -> desk.failures.add(
                new ServerErrorException("m", 500, "PUT", "/t", ErrorDetails.NONE));
        WriteBackException e = assertThrows(WriteBackException.class, () -> routine.apply(REF, basis,
                WriteBack.builder("7").internalNote("note").publicReply("Dear customer").build()));
        assertEquals(List.of("internal note"), e.partial().changed());
        assertEquals(2, e.partial().requests());
    }

    private static void assertKind(dev.deskassist.core.http.HttpApiException failure, Kind kind,
                                   Optional<Duration> retryAfter) {
        MemoryDesk desk = new MemoryDesk(Concurrency.COMPARE_AND_SET);
        desk.failures.add(failure);
        WriteBackException e = assertThrows(WriteBackException.class,
                () -> new WriteBackRoutine(desk).apply(REF, triage("en")));
        assertEquals(kind, e.kind());
        assertEquals(retryAfter, e.retryAfter());
        assertEquals(1, e.partial().requests() - 1, "one read, one failed send");
    }

    @Test
    void conflictsAreBounded() {
        MemoryDesk desk = new MemoryDesk(Concurrency.COMPARE_AND_SET);
        for (int i = 0; i < 4; i++) {
            desk.faults.add(MemoryDesk.Fault.CONFLICT);
        }
        WriteBackException e = assertThrows(WriteBackException.class,
                () -> new WriteBackRoutine(desk, WriteLedger.inMemory(), 3).apply(REF, desk.fetch(REF), triage("en")));
        assertEquals(Kind.CONFLICT, e.kind());
        assertTrue(e.isRetryable());
        assertEquals(3, e.partial().conflictsRetried());
        assertEquals(4, desk.sends);
    }

    @Test
    void aHumanEditInTheClientCheckWindowIsFoundByTheNextEvent() {
        // the documented race: the edit lands between our pre-write read and our write
        MemoryDesk desk = new MemoryDesk(Concurrency.CLIENT_CHECK);
        WriteLedger ledger = WriteLedger.inMemory();
        desk.beforeSend = () -> desk.human(() -> desk.fields.put("language", "fr"));
        new WriteBackRoutine(desk, ledger, 3).apply(REF, desk.fetch(REF), triage("en"));
        assertEquals("en", desk.fields.get("language"), "overwritten: the helpdesk offers no guard");
        desk.human(() -> desk.fields.put("language", "fr"));
        new WriteBackRoutine(desk, ledger, 3).apply(REF, triage("de"));
        assertEquals("fr", desk.fields.get("language"), "the human's second edit wins from then on");
    }

    @Test
    void aThreadOfOurOwnStampedNotesIsRecognisedInHtml() {
        Ticket t = Ticket.builder("7").addComment(Comment.internalNote(AuthorRole.AGENT,
                "<div>AI triage</div><div>DeskAssist ref:&nbsp;<b>da-0123456789ab</b></div>")).build();
        assertTrue(NoteRef.posted(t, "da-0123456789ab"));
        assertFalse(NoteRef.posted(t, "da-0123456789a"), "a prefix is not the token");
        assertEquals("da-0123456789ab", NoteRef.tokenOf("x\n\nDeskAssist ref: da-0123456789ab"));
    }
}
