package dev.deskassist.core.writeback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Ticket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InternalNoteTest {

    private static String note(String language, boolean approval) {
        WriteBackPolicy p = WriteBackPolicy.builder().noteLanguage(language).build();
        return new PolicyWriteBackPlanner(p).plan(Ticket.builder("7").priority(Priority.NORMAL).build(),
                Fixtures.triage("billing", 0.87, Priority.HIGH, 0.9, true), Fixtures.summary(),
                Fixtures.draft("de", approval, 0.77)).internalNote();
    }

    @Test
    void englishNoteShowsDecisionsReasonsSummaryAndDraftWithSources() {
        String n = note("en", true);
        assertTrue(n.startsWith("**DeskAssist: AI-assisted notes**"), n);
        assertTrue(n.contains("- Category: billing (87%), applied"), n);
        assertTrue(n.contains("why: keyword 'invoice'; classifier margin 0.41"), n);
        assertTrue(n.contains("- Priority: high (90%), applied"), n);
        assertTrue(n.contains("**Escalation**"), n);
        assertTrue(n.contains("customer threatens legal action"), n);
        assertTrue(n.contains("- Customer wants: Der Kunde möchte eine korrigierte Rechnung."), n);
        assertTrue(n.contains("Needs approval by an agent: category 'refund' always needs approval"), n);
        assertTrue(n.contains("Not sent to the customer: policy: drafts go to the internal note"), n);
        assertTrue(n.contains("- [KB-12] Rechnung korrigieren <https://help.example.com/kb/12>"), n);
        assertTrue(n.indexOf("**Summary**") < n.indexOf("**Draft reply**"), "summary before draft");
        assertEquals(n.indexOf(Fixtures.DISCLOSURE), n.lastIndexOf(Fixtures.DISCLOSURE), "disclosure once");
    }

    @Test
    void germanTemplate() {
        String n = note("de", false);
        assertTrue(n.startsWith("**DeskAssist: KI-gestützte Hinweise**"), n);
        assertTrue(n.contains("- Kategorie: billing (87%), übernommen"), n);
        assertTrue(n.contains("**Zusammenfassung**"), n);
        assertTrue(n.contains("Laut Guardrails keine Freigabe nötig"), n);
        assertTrue(n.contains("Quellen:"), n);
    }

    @Test
    void unknownLanguageFallsBackToEnglishAndOverridesAreChecked() {
        assertEquals("en", InternalNote.forLanguage("pl").language());
        InternalNote custom = InternalNote.forLanguage("en").withTexts(Map.of("header", "AI notes (ACME)"));
        String n = new PolicyWriteBackPlanner(WriteBackPolicy.defaults(), custom)
                .plan(Ticket.builder("1").build(), Fixtures.billing(), null, null).internalNote();
        assertTrue(n.startsWith("AI notes (ACME)"), n);
        assertThrows(IllegalArgumentException.class, () -> custom.withTexts(Map.of("nope", "x")));
    }
}
