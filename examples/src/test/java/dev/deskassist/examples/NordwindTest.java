package dev.deskassist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.Assistance;
import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.audit.DecisionRecord;
import dev.deskassist.core.draft.Draft;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Ticket;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole offline stack on the Nordwind sample tickets: what the demo shows is what these assert. */
class NordwindTest {

    private static final Map<String, Assistance> RESULTS = new HashMap<>();
    private static final List<DecisionRecord> RECORDS = new ArrayList<>();
    private static final Map<String, Ticket> TICKETS = new HashMap<>();

    @BeforeAll
    static void assistAll() {
        Clock clock = Clock.systemUTC();
        Nordwind nordwind = Nordwind.load(clock);
        try (DeskAssist assist = nordwind.deskAssist(RECORDS::add)) {
            for (Ticket t : SampleTickets.load(clock.instant())) {
                TICKETS.put(t.id(), t);
                RESULTS.put(t.id(), assist.assist(t));
            }
        }
    }

    @Test
    void everyTicketGetsTriageSummaryDraftAndARecord() {
        assertEquals(TICKETS.size(), RESULTS.size());
        assertEquals(TICKETS.size(), RECORDS.size());
        for (Assistance a : RESULTS.values()) {
            assertTrue(a.problems().isEmpty(), a.ticketId() + ": " + a.problems());
            assertTrue(a.summary().isPresent(), a.ticketId());
            Draft d = a.draft().orElseThrow();
            assertEquals(a.triage().languageCode(), d.language(), a.ticketId() + ": draft in the customer's language");
            String disclosure = d.disclosure();
            assertFalse(disclosure.isEmpty());
            assertEquals(1, count(d.fullText(), disclosure), a.ticketId() + ": disclosure exactly once");
        }
    }

    @Test
    void clearCasesAreTriagedAsAnAgentWould() {
        assertEquals("returns", category("NW-1002"));
        assertEquals("delivery", category("NW-1003"));
        assertEquals("outage", category("NW-1005"));
        assertEquals(Priority.URGENT, RESULTS.get("NW-1005").triage().priority().value());
        assertEquals("cancellation", category("NW-1006"));
        assertTrue(RESULTS.get("NW-1006").triage().escalate());
        assertEquals("complaint-legal", category("NW-1008"));
        assertEquals(Priority.URGENT, RESULTS.get("NW-1008").triage().priority().value());
        assertTrue(RESULTS.get("NW-1007").triage().escalate(), "the furious customer goes to a human");
        assertEquals("de", RESULTS.get("NW-1001").triage().languageCode());
        assertEquals("en", RESULTS.get("NW-1002").triage().languageCode());
    }

    @Test
    void groundedDraftsCiteApprovedArticlesAndRiskyOnesWaitForApproval() {
        Draft returns = RESULTS.get("NW-1002").draft().orElseThrow();
        assertFalse(returns.citations().isEmpty(), returns.reasons().toString());
        assertTrue(returns.citations().get(0).articleId().startsWith("en-returns"));
        for (String id : List.of("NW-1006", "NW-1007", "NW-1008")) {
            assertTrue(RESULTS.get(id).draft().orElseThrow().requiresApproval(), id);
        }
        RESULTS.values().forEach(a -> assertTrue(a.writeBack().publicReply() == null
                || !a.draft().orElseThrow().requiresApproval(), a.ticketId() + ": no public reply that needs approval"));
    }

    @Test
    void writeBackAddsTagsAndAnInternalNoteWithReasons() {
        Assistance a = RESULTS.get("NW-1005");
        assertTrue(a.writeBack().tagsToAdd().contains("da_category_outage"), a.writeBack().tagsToAdd().toString());
        String note = a.writeBack().internalNote();
        assertNotNull(note);
        assertTrue(note.contains("outage"));
        assertTrue(note.contains("nicht erreichbar"), "the note says which cue raised the priority");
    }

    @Test
    void auditRecordsHoldNoPersonalData() {
        String all = RECORDS.toString();
        for (Ticket t : TICKETS.values()) {
            if (t.requester().email() != null) {
                assertFalse(all.contains(t.requester().email()), t.id());
            }
        }
    }

    @Test
    void demoPrintsEverySampleTicket() {
        StringWriter buf = new StringWriter();
        int code = Main.run(new String[] {"demo"}, new PrintWriter(buf, true), new PrintWriter(new StringWriter(), true));
        String out = buf.toString();
        assertEquals(0, code);
        TICKETS.keySet().forEach(id -> assertTrue(out.contains(id), id));
        assertTrue(out.contains("WRITE-BACK PLAN"));
        assertTrue(out.contains("source: "));
    }

    private static String category(String id) {
        return RESULTS.get(id).triage().category().value();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
