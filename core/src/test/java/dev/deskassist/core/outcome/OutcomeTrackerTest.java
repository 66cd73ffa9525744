package dev.deskassist.core.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.Assistance;
import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.adapter.WriteLedger;
import dev.deskassist.core.audit.DecisionRecord;
import dev.deskassist.core.audit.FieldDecision;
import dev.deskassist.core.audit.OutcomeKind;
import dev.deskassist.core.audit.OutcomeRecord;
import dev.deskassist.core.draft.Draft;
import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.model.AuthorRole;
import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.MessageText;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Requester;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.privacy.Pseudonymizer;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.StyleProfile;
import dev.deskassist.core.triage.TriageResult;
import dev.deskassist.core.writeback.WriteBack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tracker on tickets as a helpdesk would show them after our write, with the ledger the routine keeps. */
class OutcomeTrackerTest {

    private static final TicketRef REF = TicketRef.of("zendesk", "4711");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final String NAME = "Anna Lindqvist";
    private static final String EMAIL = "anna.lindqvist@example.se";
    private static final String DRAFT_BODY = "Thank you for your message. We refunded the double charge of your last "
            + "invoice today; the money is back on your card within three to five business days.";

    private final WriteLedger ledger = WriteLedger.inMemory();
    private final List<CorrectionRow> rows = new ArrayList<>();
    private final OutcomeTracker tracker = OutcomeTracker.defaults()
            .withCorrections(rows::add, Pseudonymizer.defaults());

    private static Ticket.Builder ticket() {
        return Ticket.builder(REF.ticketId()).subject("Invoice charged twice")
                .description("Hello, my invoice was charged twice. Regards, " + NAME + " " + EMAIL)
                .requester(new Requester("99", NAME, EMAIL, null, Set.of()))
                .status("open").createdAt(T0).priority(Priority.NORMAL);
    }

    private static Assistance assistance(boolean withDraft) {
        TriageResult triage = new TriageResult(Decision.of("de", 0.98, "lang"),
                Decision.of(Sentiment.NEUTRAL, 0.6, "s"), Decision.of(StyleProfile.UNKNOWN, 0.5, "st"), List.of(),
                Decision.of("billing", 0.91, "model"), Decision.of(Priority.HIGH, 0.8, "policy"),
                Decision.of("Billing", 0.9, "routing"), Decision.of(false, 0.9, "esc"));
        Draft draft = withDraft ? new Draft("en", DRAFT_BODY, "", List.of(), List.of(), false, List.of(), 0.8,
                List.of(), "offline") : null;
        return new Assistance(REF.ticketId(), triage, null, draft, null, List.of(), Duration.ZERO);
    }

    private static DecisionRecord decision() {
        return new DecisionRecord("dec-1", REF.ticketId(), T0, "0.1.0", List.of(
                new FieldDecision("category", "billing", 0.91, List.of(), "model"),
                new FieldDecision("priority", "high", 0.8, List.of(), "policy")), Map.of(), List.of(), "zendesk",
                null);
    }

    private static WriteBack plan() {
        return WriteBack.builder(REF.ticketId()).priority(Priority.HIGH).field("category", "billing")
                .internalNote("draft note").build();
    }

    /** What the write-back routine leaves in the ledger after writing the plan's values. */
    private void written() {
        ledger.record(REF, Map.of("priority", "HIGH", "field:category", "billing"));
    }

    @Test
    void aCorrectedCategoryIsRecordedWithFromAndToAndHarvestedPseudonymized() {
        Ticket basis = ticket().build();
        written();
        List<OutcomeRecord> offered = tracker.remember(REF, basis, assistance(true), decision(), plan(),
                new ApplyResult(REF, List.of("priority high", "field category", "internal note"), List.of(), 2, 0),
                ledger, T0);
        assertEquals(List.of(OutcomeKind.DRAFT_OFFERED), offered.stream().map(OutcomeRecord::kind).toList());

        Ticket later = ticket().priority(Priority.HIGH).customField("category", "shipping")
                .addComment(Comment.internalNote(AuthorRole.SYSTEM, "draft note\nDeskAssist ref: abc"))
                .addComment(new Comment("c2", AuthorRole.AGENT, "Agent", true, T0.plusSeconds(600),
                        MessageText.parse("Hi Anna, " + DRAFT_BODY)))
                .build();
        OutcomeTracker.Seen seen = tracker.observe(REF, later, ledger, T0.plusSeconds(700));

        OutcomeRecord corrected = one(seen, OutcomeKind.FIELD_CORRECTED);
        assertEquals("category", corrected.field());
        assertEquals("billing", corrected.from());
        assertEquals("shipping", corrected.to());
        assertEquals(0.91, corrected.confidence());
        assertEquals("dec-1", corrected.decisionRecordId());
        OutcomeRecord kept = one(seen, OutcomeKind.FIELD_KEPT);
        assertEquals("priority", kept.field());
        OutcomeRecord used = one(seen, OutcomeKind.DRAFT_USED);
        assertTrue(used.score() >= 0.5, "score " + used.score());
        assertEquals(600L, used.elapsedSeconds());
        assertEquals(600L, one(seen, OutcomeKind.FIRST_RESPONSE).elapsedSeconds());

        assertEquals(1, rows.size());
        assertEquals("shipping", rows.get(0).label());
        assertFalse(rows.get(0).text().contains(EMAIL), rows.get(0).text());
        assertFalse(rows.get(0).text().contains("Lindqvist"), rows.get(0).text());
        assertTrue(rows.get(0).text().contains("charged twice"));

        // the same state seen again reports nothing new
        assertTrue(tracker.observe(REF, later, ledger, T0.plusSeconds(800)).isEmpty());
    }

    @Test
    void recordsHoldNeitherTheEmailNorTheNameNorText() {
        Ticket basis = ticket().build();
        written();
        List<Object> all = new ArrayList<>(tracker.remember(REF, basis, assistance(true), decision(), plan(),
                new ApplyResult(REF, List.of("internal note", "field category"), List.of(), 2, 0), ledger, T0));
        Ticket later = ticket().customField("category", "shipping").tag("da_bad")
                .addComment(new Comment("c2", AuthorRole.AGENT, NAME, true, T0.plusSeconds(60),
                        MessageText.parse("Dear " + NAME + ", write to " + EMAIL)))
                .build();
        OutcomeTracker.Seen seen = tracker.observe(REF, later, ledger, T0.plusSeconds(90));
        all.addAll(seen.outcomes());
        all.addAll(seen.feedback());
        assertEquals("bad", seen.feedback().get(0).verdict());
        String json = JsonCodec.toJson(all);
        assertFalse(json.contains("anna"), json);
        assertFalse(json.toLowerCase().contains("lindqvist"), json);
        assertFalse(json.contains("@"), json);
        assertFalse(json.contains("refund"), json);
        for (Map.Entry<String, String> e : ledger.written(REF).entrySet()) {
            assertFalse(e.getValue().toLowerCase().contains("anna"), e.toString());
            assertFalse(e.getValue().contains("refund"), e.toString());
        }
    }

    @Test
    void keptIsReportedOnlyOnceSomeoneWorkedOnTheTicket() {
        written();
        tracker.remember(REF, ticket().build(), assistance(false), decision(), plan(),
                new ApplyResult(REF, List.of("field category"), List.of(), 1, 0), ledger, T0);
        Ticket polledBack = ticket().priority(Priority.HIGH).customField("category", "billing").build();
        assertTrue(tracker.observe(REF, polledBack, ledger, T0.plusSeconds(5)).isEmpty());
        Ticket solved = ticket().priority(Priority.HIGH).customField("category", "billing").status("solved").build();
        OutcomeTracker.Seen seen = tracker.observe(REF, solved, ledger, T0.plusSeconds(50));
        assertEquals(2, seen.outcomes().stream().filter(o -> o.kind() == OutcomeKind.FIELD_KEPT).count());
    }

    @Test
    void anAutomaticReplyFollowedByTheCustomerWithinTheWindowCountsAgainstIt() {
        Ticket basis = ticket().build();
        WriteBack reply = WriteBack.builder(REF.ticketId()).publicReply("answer").build();
        List<OutcomeRecord> sent = tracker.remember(REF, basis, assistance(true), decision(), reply,
                new ApplyResult(REF, List.of("public reply"), List.of(), 1, 0), ledger, T0);
        assertEquals(OutcomeKind.AUTO_REPLY_SENT, sent.get(0).kind());
        Ticket followUp = ticket()
                .addComment(new Comment("r", AuthorRole.AGENT, null, true, T0, MessageText.parse("answer")))
                .addComment(new Comment("c", AuthorRole.CUSTOMER, null, true, T0.plusSeconds(3600),
                        MessageText.parse("still broken"))).build();
        OutcomeRecord o = one(tracker.observe(REF, followUp, ledger, T0.plusSeconds(3700)),
                OutcomeKind.AUTO_REPLY_FOLLOWED_UP);
        assertEquals(3600L, o.elapsedSeconds());
    }

    @Test
    void aReopenAfterTheWindowIsNotCounted() {
        WriteBack reply = WriteBack.builder(REF.ticketId()).publicReply("answer").build();
        tracker.remember(REF, ticket().status("solved").build(), assistance(false), decision(), reply,
                new ApplyResult(REF, List.of("public reply"), List.of(), 1, 0), ledger, T0);
        Ticket reopened = ticket().status("open").build();
        assertTrue(tracker.observe(REF, reopened, ledger, T0.plus(Duration.ofDays(8))).outcomes().stream()
                .noneMatch(r -> r.kind() == OutcomeKind.AUTO_REPLY_REOPENED));

        TicketRef other = TicketRef.of("zendesk", "4712");
        tracker.remember(other, ticket().status("solved").build(), assistance(false), decision(), reply,
                new ApplyResult(other, List.of("public reply"), List.of(), 1, 0), ledger, T0);
        assertEquals(1, tracker.observe(other, reopened, ledger, T0.plus(Duration.ofDays(1))).outcomes().stream()
                .filter(r -> r.kind() == OutcomeKind.AUTO_REPLY_REOPENED).count());
    }

    @Test
    void shadowModeComparesWhatAHumanSetWithWhatWeWouldHaveWritten() {
        Ticket basis = ticket().build();
        tracker.remember(REF, basis, assistance(true), decision(), plan(), null, ledger, T0);
        assertTrue(ledger.written(REF).keySet().stream().allMatch(k -> k.startsWith("outcome:")),
                "shadow mode must not look as if we wrote: " + ledger.written(REF).keySet());
        // nobody decided yet: the priority is still the one the ticket had
        assertTrue(tracker.observe(REF, basis, ledger, T0.plusSeconds(1)).outcomes().isEmpty());
        Ticket decided = ticket().priority(Priority.HIGH).customField("category", "returns").build();
        OutcomeTracker.Seen seen = tracker.observe(REF, decided, ledger, T0.plusSeconds(60));
        OutcomeRecord agreed = one(seen, OutcomeKind.SHADOW_AGREED);
        assertEquals("priority", agreed.field());
        assertTrue(agreed.shadow());
        OutcomeRecord disagreed = one(seen, OutcomeKind.SHADOW_DISAGREED);
        assertEquals("billing", disagreed.from());
        assertEquals("returns", disagreed.to());
        assertEquals("returns", rows.get(0).label());
    }

    @Test
    void aTicketWeNeverDecidedOnYieldsNothing() {
        assertTrue(tracker.observe(REF, ticket().tag("da_good").build(), ledger, T0).isEmpty());
    }

    private static OutcomeRecord one(OutcomeTracker.Seen seen, OutcomeKind kind) {
        List<OutcomeRecord> found = seen.outcomes().stream().filter(o -> o.kind() == kind).toList();
        assertEquals(1, found.size(), kind + " in " + seen.outcomes());
        return found.get(0);
    }
}
