package dev.deskassist.core.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.model.AuthorRole;
import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WriteBackDiffTest {

    private final Ticket current = Ticket.builder("7").tags(Set.of("vip", "ai_billing")).priority(Priority.HIGH)
            .group("42").customField("category", "billing")
            .addComment(Comment.internalNote(AuthorRole.AGENT, "<p>AI triage:<br>billing</p>")).build();

    @Test
    void keepsOnlyRealChanges() {
        WriteBack plan = WriteBack.builder("7").addTag("AI_Billing").addTag("ai_urgent").priority(Priority.HIGH)
                .group("43").field("category", "billing").field("language", "de").field("sentiment", "negative")
                .internalNote("New note").build();
        WriteBackDiff.Changes c = WriteBackDiff.diff(plan, current, f -> !f.equals("sentiment"));
        assertEquals(Set.of("ai_urgent"), c.newTags());
        assertTrue(c.resultingTags().containsAll(Set.of("vip", "ai_billing", "ai_urgent")));
        assertNull(c.priority());
        assertEquals("43", c.group());
        assertEquals(java.util.Map.of("language", "de"), c.fields());
        assertEquals("New note", c.internalNote());
        assertTrue(c.skipped().stream().anyMatch(s -> s.startsWith("field sentiment")));
        assertFalse(c.isEmpty());
    }

    @Test
    void aPlanAlreadyAppliedIsEmpty() {
        WriteBack plan = WriteBack.builder("7").addTag("ai_billing").priority(Priority.HIGH).group("42")
                .field("category", "billing").internalNote("AI triage:\n  billing").build();
        WriteBackDiff.Changes c = WriteBackDiff.diff(plan, current, f -> true);
        assertTrue(c.isEmpty(), c.toString());
        assertTrue(c.describe().isEmpty());
    }

    @Test
    void rebaseDropsWhatAHumanChangedMeanwhile() {
        Ticket fresh = current.toBuilder().priority(Priority.LOW).customField("category", "tech").build();
        WriteBack plan = WriteBack.builder("7").addTag("x").priority(Priority.URGENT).group("43")
                .field("category", "refund").internalNote("n").build();
        WriteBackDiff.Rebased r = WriteBackDiff.rebase(plan, current, fresh);
        assertNull(r.plan().priority());
        assertEquals("43", r.plan().group(), "group was untouched, so it stays");
        assertTrue(r.plan().fields().isEmpty());
        assertEquals(Set.of("x"), r.plan().tagsToAdd());
        assertEquals("n", r.plan().internalNote());
        assertEquals(2, r.dropped().size());
    }

    @Test
    void describeHoldsNoFieldValues() {
        WriteBack plan = WriteBack.builder("7").field("summary", "customer Jane wants a refund").build();
        List<String> d = WriteBackDiff.diff(plan, current, f -> true).describe();
        assertEquals(List.of("field summary"), d);
    }

    @Test
    void collapsedComparisonAgreesWithTheRegexDefinition() {
        List<String> samples = List.of("", " ", "a", "a b", "a  b", " a\tb\n", "a\r\n\r\nb", "ab", "a\u2003b",
                "a \u2003 b", "\u2003 a b \u2003", "a\u000Bb", "\n\nAI triage:\n\n billing \n", "AI triage: billing",
                "Grüße\nAnna", "Grüße Anna", "a\u00A0b", "a b ");
        for (String a : samples) {
            for (String b : samples) {
                boolean expected = a.replaceAll("\\s+", " ").strip().equals(b.replaceAll("\\s+", " ").strip());
                assertEquals(expected, WriteBackDiff.sameCollapsed(a, b), () -> "[" + a + "] vs [" + b + "]");
            }
        }
    }
}
