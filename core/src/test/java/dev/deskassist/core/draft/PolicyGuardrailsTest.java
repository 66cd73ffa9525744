package dev.deskassist.core.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.triage.TriageResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyGuardrailsTest {

    private static final Ticket TICKET = Ticket.builder("T-1").subject("s").description("d").build();
    private static final Citation OK = new Citation("kb-ok", "kb-ok#1", "Ok", "https://help.example/ok");
    private static final PolicyGuardrails GUARDRAILS = PolicyGuardrails.builder(GuardrailPolicy.defaults())
            .citable(id -> id.equals("kb-ok"))
            .build();

    private static Draft draft(String lang, String body, List<Citation> citations) {
        return new Draft(lang, body, "", citations, List.of(), false, List.of(), 0.8, List.of("test"), "test");
    }

    @Test
    void forbiddenPromisesAreRemovedSentenceBySentenceAndFlagged() {
        String body = "Hallo Anna,\n\nIhre Rücksendung ist da. Der Betrag wird garantiert erstattet. "
                + "Bitte haben Sie etwas Geduld.\n\nRechtlich gesehen haben Sie einen Anspruch darauf.\n\nViele Grüße";
        Draft d = GUARDRAILS.review(draft("de", body, List.of(OK)), TICKET, TestData.triage("de", "returns"));
        assertFalse(d.body().contains("garantiert"), d.body());
        assertFalse(d.body().contains("Rechtlich"), d.body());
        assertTrue(d.body().contains("Ihre Rücksendung ist da. Bitte haben Sie etwas Geduld."), d.body());
        assertTrue(d.body().endsWith("Viele Grüße"));
        assertFalse(d.body().contains("\n\n\n"));
        assertTrue(d.requiresApproval());
        assertTrue(d.approvalReasons().stream().anyMatch(r -> r.contains("\"garantiert erstattet\"")), d.approvalReasons().toString());
        assertTrue(d.approvalReasons().stream().anyMatch(r -> r.contains("\"rechtlich\"")), d.approvalReasons().toString());
    }

    @Test
    void englishPhrasesMatchAcrossCaseAndWhitespace() {
        String body = "Hi Sam,\n\nWe  PROMISE it arrives tomorrow. Tracking is in your account.\n1. You will get a Guaranteed\nrefund.";
        Draft d = GUARDRAILS.review(draft("en", body, List.of(OK)), TICKET, TestData.triage("en", "delivery"));
        assertFalse(d.body().toLowerCase().contains("promise"), d.body());
        assertTrue(d.body().contains("Tracking is in your account."));
        assertFalse(d.body().contains("1."), "a list item that lost its only sentence goes entirely: " + d.body());
        assertEquals(2, d.approvalReasons().size(), d.approvalReasons().toString());
    }

    @Test
    void approvalCategoriesEscalationAndAbstentionNeedAHuman() {
        Draft clean = draft("en", "Hello.", List.of(OK));
        for (String c : List.of("refund", "billing", "cancellation", "complaint-legal", "data-protection")) {
            Draft d = GUARDRAILS.review(clean, TICKET, TestData.triage("en", c));
            assertTrue(d.requiresApproval(), c);
            assertTrue(d.approvalReasons().contains("category '" + c + "' always needs approval"), c);
        }
        assertFalse(GUARDRAILS.review(clean, TICKET, TestData.triage("en", "delivery")).requiresApproval());
        assertTrue(GUARDRAILS.review(clean, TICKET, TestData.triage("en", null)).approvalReasons()
                .contains("category unknown: triage abstained"));
        TriageResult base = TestData.triage("en", "delivery");
        TriageResult escalated = new TriageResult(base.language(), base.sentiment(), base.style(), base.entities(),
                base.category(), base.priority(), base.group(), Decision.of(true, 0.9, "test", "angry VIP"));
        assertTrue(GUARDRAILS.review(clean, TICKET, escalated).approvalReasons()
                .contains("triage escalated the ticket to a human"));
    }

    @Test
    void citationsOfNonCitableArticlesAreDroppedAndADraftWithoutSourcesNeedsAHuman() {
        Citation expired = new Citation("kb-expired", "kb-expired#1", "Old", "https://help.example/old");
        Draft d = GUARDRAILS.review(draft("en", "Answer [1] [2]", List.of(OK, expired)), TICKET,
                TestData.triage("en", "delivery"));
        assertEquals(List.of(OK), d.citations());
        assertTrue(d.approvalReasons().stream().anyMatch(r -> r.contains("'kb-expired'")));
        Draft none = GUARDRAILS.review(draft("en", "Answer", List.of()), TICKET, TestData.triage("en", "delivery"));
        assertTrue(none.approvalReasons().contains("no approved source cited: answer only from approved sources"));
    }

    @Test
    void reviewNeverClearsApprovalAndSetsTheDisclosureOnce() {
        String line = AiDisclosure.defaults().reviewed("de");
        Draft flagged = new Draft("de", "Hallo.\n\n" + line + "\n\n" + line, "", List.of(OK), List.of(), true,
                List.of("earlier reason"), 0.5, List.of(), "llm");
        Draft d = GUARDRAILS.review(flagged, TICKET, TestData.triage("de", "delivery"));
        assertTrue(d.requiresApproval());
        assertTrue(d.approvalReasons().contains("earlier reason"));
        assertFalse(d.body().contains(line));
        assertEquals(line, d.disclosure());
        assertEquals(1, d.fullText().split(java.util.regex.Pattern.quote(line), -1).length - 1);
    }

    @Test
    void rulesReadAsPlainSentencesForAPrompt() {
        List<String> de = GUARDRAILS.rules("de");
        assertTrue(de.stream().anyMatch(r -> r.contains("garantiert erstattet")));
        assertTrue(de.stream().anyMatch(r -> r.startsWith("Antworte nur")));
        assertTrue(de.stream().anyMatch(r -> r.contains("refund") && r.contains("reviewed by a human")));
        List<String> fr = GUARDRAILS.rules("fr");
        assertTrue(fr.stream().anyMatch(r -> r.startsWith("Answer only")), "falls back to English rules");
        assertFalse(fr.stream().anyMatch(r -> r.contains("garantiert erstattet")), "German phrases are not French rules");
    }

    @Test
    void malformedPolicyIsATypedErrorThatSaysWhere(@TempDir Path dir) throws IOException {
        PolicyException badRegex = assertThrows(PolicyException.class, () -> GuardrailPolicy.parse(
                "{\"forbidden\": {\"en\": [{\"phrase\": \"ok\"}, {\"regex\": \"(unclosed\"}]}}", "policy.json"));
        assertTrue(badRegex.getMessage().contains("policy.json: forbidden.en[1]"), badRegex.getMessage());
        PolicyException both = assertThrows(PolicyException.class, () -> GuardrailPolicy.parse(
                "{\"forbidden\": {\"en\": [{\"phrase\": \"a\", \"regex\": \"b\"}]}}", "p.json"));
        assertTrue(both.getMessage().contains("exactly one"), both.getMessage());
        Path file = dir.resolve("policy.json");
        Files.writeString(file, "{\n  \"approvalCategories\": [\"refund\",\n}");
        PolicyException syntax = assertThrows(PolicyException.class, () -> GuardrailPolicy.load(file));
        assertTrue(syntax.getMessage().startsWith(file + ":3"), syntax.getMessage());
        PolicyException unknown = assertThrows(PolicyException.class, () -> GuardrailPolicy.parse(
                "{\"aprovalCategories\": []}", "p.json"));
        assertTrue(unknown.getMessage().contains("aprovalCategories"));
        assertThrows(PolicyException.class, () -> GuardrailPolicy.load(dir.resolve("missing.json")));
    }

    @Test
    void customPolicyFromAFileIsApplied(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("policy.json");
        Files.writeString(file, "{\"approvalCategories\": [\"Returns\"], \"requireCitations\": false,"
                + " \"forbidden\": {\"*\": [{\"regex\": \"\\\\bfree\\\\s+upgrade\\\\b\", \"reason\": \"sales only\", \"hints\": [\"Upgrade\"]}]}}");
        PolicyGuardrails g = PolicyGuardrails.builder(GuardrailPolicy.load(file)).build();
        Draft d = g.review(draft("en", "You get a FREE upgrade. Thanks.", List.of()), TICKET, TestData.triage("en", "returns"));
        assertEquals("Thanks.", d.body());
        assertTrue(d.approvalReasons().contains("category 'returns' always needs approval"));
        assertFalse(d.approvalReasons().stream().anyMatch(r -> r.startsWith("no approved source")));
        GuardrailPolicy.Forbidden f = g.policy().forbiddenFor("en").get(0);
        assertTrue(f.mayMatch("a free upgrade"));
        assertFalse(f.mayMatch("a free gift"), "without the hint word the pattern is not run");
        PolicyException badHints = assertThrows(PolicyException.class, () -> GuardrailPolicy.parse(
                "{\"forbidden\": {\"en\": [{\"regex\": \"x\", \"hints\": \"x\"}]}}", "p.json"));
        assertTrue(badHints.getMessage().contains("hints"), badHints.getMessage());
    }
}
