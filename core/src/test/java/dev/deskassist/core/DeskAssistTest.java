package dev.deskassist.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.audit.AuditException;
import dev.deskassist.core.audit.DecisionRecord;
import dev.deskassist.core.audit.JsonLinesAuditSink;
import dev.deskassist.core.draft.Citation;
import dev.deskassist.core.draft.Draft;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Requester;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.summary.Summary;
import dev.deskassist.core.triage.Entity;
import dev.deskassist.core.triage.EntityType;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.StyleProfile;
import dev.deskassist.core.triage.TriageResult;
import dev.deskassist.core.writeback.WriteBack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeskAssistTest {

    private static final Ticket TICKET = Ticket.builder("T-1")
            .subject("Kündigung")
            .description("Ich kündige meinen Vertrag. Meine IBAN ist DE89 3704 0044 0532 0130 00.")
            .requester(Requester.of("Jana Schmidt", "jana@example.com"))
            .build();

    static TriageResult triage() {
        return new TriageResult(
                Decision.of("de", 0.98, "test-lang", "function words: ich, meinen"),
                Decision.of(Sentiment.NEUTRAL, 0.6, "test-sentiment"),
                Decision.of(StyleProfile.UNKNOWN, 0.5, "test-style"),
                List.of(new Entity(EntityType.IBAN, "DE89 3704 0044 0532 0130 00", "DE89370400440532013000", 40, 67)),
                Decision.of("cancellation", 0.91, "test-model", "model: cancellation 0.91"),
                Decision.of(Priority.HIGH, 0.8, "test-policy", "cue 'Kündigung' (cancellation)"),
                Decision.of("Retention", 0.91, "test-routing", "category cancellation routes to Retention"),
                Decision.of(true, 0.9, "test-escalation", "cancellation cue"));
    }

    private final List<DecisionRecord> records = new CopyOnWriteArrayList<>();

    @Test
    void assistRunsAllSkillsPlansAndRecords() {
        Summary summary = new Summary("de", "Kunde will kündigen", List.of(), "", List.of(), "Antworten", 0.7,
                List.of("first customer message"), "test-summary");
        Draft draft = new Draft("de", "Guten Tag", "KI-Hinweis", List.of(new Citation("kb-7", "kb-7#1", "Kündigung",
                "https://kb.example/kb-7")), List.of(), true, List.of("category cancellation needs approval"), 0.6,
                List.of("grounded in kb-7#1"), "test-draft");
        try (DeskAssist assist = DeskAssist.builder()
                .triage(t -> triage())
                .summarizing((t, tr) -> summary)
                .drafting((t, tr) -> draft)
                .writeBackPlanner((t, tr, s, d) -> WriteBack.builder(t.id()).addTag("da_cancellation")
                        .priority(tr.priority().value()).internalNote(s.asText() + "\n" + d.fullText()).build())
                .auditSink(records::add)
                .build()) {
            Assistance a = assist.assist(TICKET);
            assertEquals("cancellation", a.triage().category().value());
            assertSame(summary, a.summary().orElseThrow());
            assertSame(draft, a.draft().orElseThrow());
            assertEquals(Priority.HIGH, a.writeBack().priority());
            assertTrue(a.problems().isEmpty());
        }
        assertEquals(1, records.size());
        DecisionRecord r = records.get(0);
        assertEquals("T-1", r.ticketId());
        assertEquals("cancellation", r.decision("category").orElseThrow().value());
        assertEquals("high", r.decision("priority").orElseThrow().value());
        assertEquals(List.of("cue 'Kündigung' (cancellation)"), r.decision("priority").orElseThrow().reasons());
        assertTrue(r.decision("draft").orElseThrow().value().contains("kb-7#1"));
        assertTrue(r.timingsMicros().containsKey("triage"));
    }

    @Test
    void failingSkillIsReportedNotDropped() {
        try (DeskAssist assist = DeskAssist.builder()
                .triage(t -> triage())
                .drafting((t, tr) -> {
                    throw new IllegalStateException("boom");
                })
                .auditSink(records::add)
                .build()) {
            Assistance a = assist.assist(TICKET);
            assertTrue(a.draft().isEmpty());
            assertEquals(List.of("draft failed: IllegalStateException"), a.problems());
            assertEquals(a.problems(), records.get(0).problems());
        }
    }

    @Test
    void triageOrAuditFailureIsTyped() {
        try (DeskAssist broken = DeskAssist.builder().triage(t -> {
            throw new IllegalArgumentException("bad");
        }).build()) {
            AssistException e = assertThrows(AssistException.class, () -> broken.assist(TICKET));
            assertEquals("T-1", e.ticketId());
        }
        try (DeskAssist noAudit = DeskAssist.builder().triage(t -> triage()).auditSink(r -> {
            throw new AuditException("disk full", null);
        }).build()) {
            assertThrows(AssistException.class, () -> noAudit.assist(TICKET));
        }
    }

    @Test
    void asyncVariantCompletes() throws Exception {
        try (DeskAssist assist = DeskAssist.builder().triage(t -> triage()).build()) {
            Assistance a = assist.assistAsync(TICKET).get(5, TimeUnit.SECONDS);
            assertEquals("T-1", a.ticketId());
            assertTrue(a.writeBack().isEmpty(), "without a planner nothing is written back");
            assertTrue(a.elapsed().compareTo(Duration.ZERO) > 0);
        }
    }

    @Test
    void jsonLinesAuditHoldsNoTicketTextOrPersonalData(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit/decisions.jsonl");
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(file);
             DeskAssist assist = DeskAssist.builder().triage(t -> triage()).auditSink(sink).build()) {
            assist.assist(TICKET);
            assist.assist(TICKET);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        String all = String.join("\n", lines);
        assertTrue(all.contains("\"ticketId\":\"T-1\""));
        assertTrue(all.contains("iban=1"), "entities are counted by type");
        assertFalse(all.contains("DE89"), "no IBAN in the audit log");
        assertFalse(all.contains("jana"), "no requester data in the audit log");
        assertFalse(all.contains("kündige"), "no ticket text in the audit log");
    }
}
