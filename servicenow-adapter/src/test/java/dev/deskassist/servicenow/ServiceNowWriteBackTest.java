package dev.deskassist.servicenow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.adapter.WriteBackException;
import dev.deskassist.core.adapter.testkit.FakeHelpdesk;
import dev.deskassist.core.model.AuthorRole;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;
import dev.deskassist.servicenow.testkit.FakeServiceNow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Write-back against a stateful {@link FakeServiceNow}: the cases a recorded answer cannot show. */
@Timeout(30)
class ServiceNowWriteBackTest {

    private static final String ID = "46d44a23a9fe19810012d100cca80666";
    private static final String NETWORK = "287ebd7da9fe198100f92cc8d1d2154e";

    private FakeServiceNow fake;
    private ServiceNowAdapter adapter;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeServiceNow();
        fake.addTicket(ID, "Email down", "Outlook cannot reach the server since 9:00.");
        adapter = new ServiceNowAdapter(config(Map.of()));
    }

    @AfterEach
    void stop() {
        adapter.close();
        fake.close();
    }

    private ServiceNowConfig config(Map<String, String> extra) {
        Map<String, String> p = new HashMap<>(Map.of(
                "servicenow.baseUrl", fake.url(),
                "servicenow.username", FakeServiceNow.INTEGRATION_USER,
                "servicenow.password", "pw",
                "servicenow.fieldIds", "category=category,language=u_language",
                "servicenow.groupIds", "network=" + NETWORK,
                "servicenow.tagsField", "u_ai_labels",
                "servicenow.readTimeout", "300ms",
                "servicenow.initialBackoff", "5ms",
                "servicenow.maxBackoff", "20ms"));
        p.putAll(extra);
        p.values().removeIf(String::isEmpty);
        return ServiceNowConfig.of(p::get);
    }

    private static TicketRef ref() {
        return TicketRef.of("servicenow", ID);
    }

    private static WriteBack triage() {
        return WriteBack.builder(ID).priority(Priority.HIGH).group("network").field("category", "network")
                .field("language", "en").addTag("ai_network").internalNote("AI triage: network outage")
                .idempotencyKey("delivery-7").build();
    }

    private long patches() {
        return fake.writes().stream().filter(c -> c.method().equals("PATCH")).count();
    }

    @Test
    void everythingGoesInOnePatchAndThePriorityFollowsFromImpactAndUrgency() {
        ApplyResult r = adapter.apply(ref(), triage());
        assertEquals(1, patches());
        FakeHelpdesk.TicketState s = fake.ticket(ID);
        synchronized (s) {
            assertEquals(Priority.HIGH, s.priority, "impact 2 and urgency 1 give 2 (High)");
            assertEquals("2", s.fields.get("impact"));
            assertEquals("1", s.fields.get("urgency"));
            assertEquals(NETWORK, s.group);
            assertEquals("network", s.fields.get("category"));
            assertEquals(List.of("ai_network"), s.tags);
        }
        assertEquals(List.of("tags +[ai_network]", "priority high", "group " + NETWORK, "field category",
                "field language", "internal note"), r.changed());
        assertTrue(r.skipped().isEmpty(), r.skipped().toString());
        Ticket t = adapter.fetch(ref());
        assertEquals(AuthorRole.SYSTEM, t.comments().get(0).author(), "our note, by the integration user");
        assertEquals(fake.number(ID), t.displayId());
    }

    @Test
    void aLostPatchAnswerIsNotRepeatedBlindlyAndTheNoteIsWrittenOnce() {
        fake.failNext(FakeServiceNow.PATCH, 1, FakeHelpdesk.Fault.LOSE_RESPONSE);
        ApplyResult r = adapter.apply(ref(), triage());
        assertEquals(1, patches(), "the re-read found the note's key: no second PATCH " + fake.calls());
        assertEquals(1, fake.internalNotes(ID).size());
        assertTrue(r.skipped().contains("internal note (already posted)"), r.skipped().toString());
        // and again, as the pipeline would retry the event
        adapter.apply(ref(), triage());
        assertEquals(1, fake.internalNotes(ID).size());
        assertEquals(1, patches());
    }

    @Test
    void aHumanUpdateBetweenReadAndWriteWins() {
        Ticket basis = adapter.fetch(ref());
        fake.agentSetsImpactUrgency(ID, 1, 3);
        fake.edit(ID, s -> s.fields.put("category", "hardware"));

        ApplyResult r = adapter.apply(ref(), basis, triage());
        FakeHelpdesk.TicketState s = fake.ticket(ID);
        synchronized (s) {
            assertEquals("1", s.fields.get("impact"), "the agent's impact stays");
            assertEquals("3", s.fields.get("urgency"));
            assertEquals("hardware", s.fields.get("category"));
            assertEquals(NETWORK, s.group, "what the agent left alone is written");
        }
        assertEquals(List.of("priority", "field category"), r.keptHuman());
        assertEquals(1, r.conflictsRetried(), "sys_mod_count moved between the read and the write");
        assertEquals(1, patches());
        assertTrue(r.skipped().stream().noneMatch(x -> x.startsWith("sys_mod_count")), r.skipped().toString());
    }

    @Test
    void aFieldTheIntegrationUserMayNotWriteIsReportedAsIgnored() {
        fake.readOnly("u_language");
        ApplyResult r = adapter.apply(ref(), triage());
        assertEquals(List.of("field language"), r.ignored());
        assertFalse(r.changed().contains("field language"));
        assertTrue(r.changed().contains("field category"));
        assertTrue(r.skipped().stream().anyMatch(x -> x.startsWith("u_language (ignored by the instance")));
    }

    @Test
    void anInstanceWhoseLookupDiffersIsNamed() {
        fake.lookup(new int[][] {{1, 1, 2}, {3, 3, 4}, {4, 4, 5}});
        ApplyResult r = adapter.apply(ref(), WriteBack.builder(ID).priority(Priority.HIGH).build());
        assertEquals(List.of("priority"), r.ignored());
        assertTrue(r.skipped().stream().anyMatch(x -> x.contains("computed 3 from impact 2 and urgency 1")
                && x.contains("priority lookup differs")), r.skipped().toString());

        // with the instance's matrix configured, the same plan is written as promised
        adapter.close();
        adapter = new ServiceNowAdapter(config(Map.of("servicenow.priorityMatrix", "1,1,2;3,3,4;4,4,5")));
        fake.agentSetsImpactUrgency(ID, 3, 3);
        ApplyResult again = adapter.apply(ref(), WriteBack.builder(ID).priority(Priority.HIGH).build());
        assertEquals(List.of("priority high"), again.changed(), again.toString());
    }

    @Test
    void aHiddenJournalIsReadFromDisplayValuesAndTheNoteStillOnlyOnce() {
        fake.denyJournalRead();
        fake.customerComment(ID, "Still no mail.");
        adapter.apply(ref(), triage());
        Ticket t = adapter.fetch(ref());
        assertEquals(2, t.comments().size(), "from the display values");
        assertEquals(AuthorRole.CUSTOMER, t.comments().get(0).author());
        assertEquals("Still no mail.", t.comments().get(0).body().text());
        assertEquals(AuthorRole.SYSTEM, t.comments().get(1).author());

        fake.failNext(FakeServiceNow.PATCH, 1, FakeHelpdesk.Fault.LOSE_RESPONSE);
        adapter.apply(ref(), triage().toBuilder().internalNote("AI triage after the follow-up")
                .idempotencyKey("delivery-8").build());
        assertEquals(2, fake.internalNotes(ID).size(), "one per key, even read from display values");
    }

    @Test
    void aNotePlannedTwiceFromOneStaleReadIsPostedOnce() {
        // two events planned from the same read: the second call's basis cannot show the first note
        Ticket basis = adapter.fetch(ref());
        WriteBack note = WriteBack.builder(ID).internalNote("AI triage: network outage").idempotencyKey("delivery-9")
                .build();
        adapter.apply(ref(), basis, note);
        ApplyResult second = adapter.apply(ref(), basis, note);
        assertEquals(1, fake.internalNotes(ID).size(), fake.calls().toString());
        assertEquals(1, patches());
        assertTrue(second.skipped().contains("internal note (already posted)"), second.toString());
    }

    @Test
    void aClosedRecordIsRejectedWithoutAWrite() {
        fake.close(ID);
        WriteBackException e = assertThrows(WriteBackException.class, () -> adapter.apply(ref(), triage()));
        assertEquals(WriteBackException.Kind.REJECTED, e.kind());
        assertEquals("closed", adapter.fetch(ref()).status(), "state 7 is in closedStates");
        assertEquals(0, patches());
    }

    @Test
    void oauthTokensAreRenewedBeforeTheyExpire() throws Exception {
        fake.oauth("client-1", "client-secret", 1);
        adapter.close();
        adapter = new ServiceNowAdapter(config(Map.of("servicenow.username", "", "servicenow.password", "",
                "servicenow.oauthClientId", "client-1", "servicenow.oauthClientSecret", "client-secret",
                "servicenow.integrationUserIds", FakeServiceNow.INTEGRATION_USER)));
        adapter.fetch(ref());
        assertEquals(1, fake.tokensIssued());
        // a token living one second is renewed after half its life, before the instance refuses it
        Thread.sleep(700);
        adapter.fetch(ref());
        assertEquals(2, fake.tokensIssued());
        assertTrue(fake.calls().stream().noneMatch(c -> c.status() == 401), "no call was refused");

        fake.oauth("client-1", "client-secret", 1799);
        fake.revokeTokens();
        adapter.fetch(ref());
        assertEquals(3, fake.tokensIssued(), "a 401 fetches a new token once and sends again");
    }
}
