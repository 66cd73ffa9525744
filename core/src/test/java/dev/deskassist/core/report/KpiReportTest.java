package dev.deskassist.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.audit.DecisionRecord;
import dev.deskassist.core.audit.FeedbackRecord;
import dev.deskassist.core.audit.FieldDecision;
import dev.deskassist.core.audit.JsonLinesAuditSink;
import dev.deskassist.core.audit.OutcomeKind;
import dev.deskassist.core.audit.OutcomeRecord;
import dev.deskassist.core.audit.WriteOutcome;
import dev.deskassist.core.json.JsonFields;
import dev.deskassist.core.report.KpiReport.Action;
import dev.deskassist.core.report.KpiReport.FieldStats;
import dev.deskassist.core.report.KpiReport.Recommendation;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records written by the real JSON-lines sink, read back with damage, and the figures computed from them. */
class KpiReportTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    Path dir;

    private static DecisionRecord decision(int i, String category, double conf, boolean escalate, String by,
                                           WriteOutcome outcome) {
        return new DecisionRecord("d" + i, "t" + i, T0.plusSeconds(i * 60L), DeskAssist.VERSION, List.of(
                new FieldDecision("category", category, conf, List.of(), by),
                new FieldDecision("priority", i % 4 == 0 ? null : "normal", 0.7, List.of(), "policy"),
                new FieldDecision("escalation", Boolean.toString(escalate), 0.9, List.of(), "rules"),
                new FieldDecision("draft", "language=en", 0.8, List.of(), by.startsWith("llm:") ? by : "offline")),
                Map.of("total", 10L), List.of(), "zendesk", outcome);
    }

    private static OutcomeRecord field(int i, String category, double conf, boolean kept, boolean shadow) {
        OutcomeKind kind = shadow ? (kept ? OutcomeKind.SHADOW_AGREED : OutcomeKind.SHADOW_DISAGREED)
                : kept ? OutcomeKind.FIELD_KEPT : OutcomeKind.FIELD_CORRECTED;
        return new OutcomeRecord("o" + i + shadow, "zendesk", "t" + i, T0.plusSeconds(i * 60L + 3600), kind, "d" + i,
                "category", category, kept ? category : "other", category, conf, null, null, shadow);
    }

    private static OutcomeRecord other(String id, int i, OutcomeKind kind, Double score, Long elapsed) {
        return new OutcomeRecord(id, "zendesk", "t" + i, T0.plusSeconds(i * 60L + 7200), kind, "d" + i,
                kind.name().startsWith("DRAFT") ? "draft" : null, null, null, "billing", null, score, elapsed, false);
    }

    @Test
    void figuresAndRecommendationsFromRealRecordsWithDamagedInput() throws IOException {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(file)) {
            // billing: 30 written, 29 kept; the one correction is at low confidence
            for (int i = 0; i < 30; i++) {
                sink.record(decision(i, "billing", 0.6 + i * 0.01, false, "llm:openai/gpt-4o-mini@v1",
                        WriteOutcome.WRITTEN));
                sink.outcome(field(i, "billing", 0.6 + i * 0.01, i != 0, false));
            }
            // shipping: 30 written, below 0.8 half are corrected, above all kept
            for (int i = 30; i < 60; i++) {
                double conf = 0.5 + (i - 30) * 0.015;
                sink.record(decision(i, "shipping", conf, i % 3 == 0, "model", WriteOutcome.WRITTEN));
                sink.outcome(field(i, "shipping", conf, conf >= 0.8 || i % 2 == 0, false));
            }
            // shadow decisions on returns
            for (int i = 60; i < 70; i++) {
                sink.record(decision(i, "returns", 0.9, false, "model", WriteOutcome.SHADOW));
                sink.outcome(field(i, "returns", 0.9, i < 68, true));
            }
            sink.outcome(other("x1", 1, OutcomeKind.DRAFT_OFFERED, null, null));
            sink.outcome(other("x2", 2, OutcomeKind.DRAFT_OFFERED, null, null));
            sink.outcome(other("x3", 1, OutcomeKind.DRAFT_USED, 0.8, 600L));
            sink.outcome(other("x4", 2, OutcomeKind.DRAFT_IGNORED, 0.05, 900L));
            sink.outcome(other("x5", 3, OutcomeKind.AUTO_REPLY_SENT, null, null));
            sink.outcome(other("x6", 4, OutcomeKind.AUTO_REPLY_SENT, null, null));
            sink.outcome(other("x7", 3, OutcomeKind.AUTO_REPLY_REOPENED, null, 3600L));
            sink.outcome(other("x8", 1, OutcomeKind.FIRST_RESPONSE, null, 600L));
            sink.outcome(other("x9", 2, OutcomeKind.FIRST_RESPONSE, null, 1800L));
            sink.feedback(new FeedbackRecord("f1", "zendesk", "t1", T0.plusSeconds(9000), "good", "tag:da_good",
                    "billing", "d1", false));
            sink.feedback(new FeedbackRecord("f2", "zendesk", "t1", T0.plusSeconds(9500), "bad", "tag:da_bad",
                    "billing", "d1", false));
        }
        Files.writeString(file, String.join("\n",
                "{\"recordId\":\"old\",\"ticketId\":\"t0\",\"at\":\"2026-02-01T00:00:00Z\",\"libraryVersion\":\"0.0.9\"}",
                "{\"type\":\"alert\",\"recordId\":\"a1\",\"ticketId\":\"t1\",\"at\":\"2026-03-02T00:00:00Z\"}",
                "{\"recordId\":\"v\",\"ticketId\":\"t99\",\"at\":\"2026-03-01T07:59:59.999Z\"}",
                "{\"recordId\":\"n\",\"ticketId\":\"t98\",\"at\":\"2026-03-05T00:00:00Z\",\"libraryVersion\":\"9.0.0\","
                        + "\"newThing\":1,\"decisions\":[{\"field\":\"category\",\"value\":\"billing\",\"confidence\":\"high\"}]}",
                "{\"type\":\"outcome\",\"recordId\":\"o1false\",\"ticketId\":\"t1\",\"at\":\"2026-03-01T09:00:00Z\",\"kind\":\"FIELD_KEPT\"}",
                "{\"type\":\"outcome\",\"recordId\":\"k\",\"ticketId\":\"t1\",\"at\":\"2026-03-01T09:00:00Z\",\"kind\":\"TELEPATHY\"}",
                "{\"recordId\":\"cut\",\"ticketId\":\"t97\",\"at\":\"2026-03-0"), StandardOpenOption.APPEND);

        KpiReport r = KpiReport.builder().costPerCall(0.002).minSamples(10)
                .build(List.of(file), Instant.parse("2026-03-01T08:00:00Z"));

        AuditLog.Problems p = r.input();
        assertEquals(1, p.malformed(), "the cut line");
        assertEquals(1, p.unknownType());
        assertEquals(1, p.invalid(), "the unknown kind");
        assertEquals(1, p.duplicates(), "o1false again");
        assertEquals(2, p.beforeSince(), "old and v");
        assertEquals(1, p.otherVersion(), "9.0.0");
        assertEquals(1, p.unknownFields(), "newThing");
        assertTrue(p.outOfOrder() >= 1, "the records appended after later ones");

        assertEquals(71, r.totals().decisions(), "70 written + the record of 9.0.0 with an unreadable confidence");
        assertEquals(10, r.totals().shadowDecisions());
        FieldStats billing = stats(r, "category", "billing");
        assertEquals(29, billing.kept());
        assertEquals(1, billing.corrected());
        assertEquals(0.9667, billing.acceptanceRate());
        assertEquals(Map.of("billing -> other", 1L), billing.topCorrections());
        FieldStats returns = stats(r, "category", "returns");
        assertEquals(8, returns.agreed());
        assertEquals(0.8, returns.shadowAgreement());
        assertNull(returns.acceptanceRate(), "nothing written in shadow mode");
        FieldStats priority = stats(r, "priority", KpiReport.ALL);
        assertEquals(71 - 1, priority.decided(), "the 9.0.0 record has no priority");
        assertEquals(18, priority.abstained());

        assertEquals(0.3333, r.categories().stream().filter(c -> c.category().equals("shipping")).findFirst()
                .orElseThrow().escalationRate());
        assertEquals(2, r.drafts().offered());
        assertEquals(0.5, r.drafts().usedRate());
        assertEquals(2, r.autoReplies().sent());
        assertEquals(0.5, r.autoReplies().reopenRate());
        assertEquals(600L, r.firstResponse().medianSeconds());
        assertEquals(30, r.llm().decisionsWithLlm());
        assertEquals(60, r.llm().calls(), "a triage call and a draft call per LLM decision");
        assertEquals(Map.of("openai/gpt-4o-mini", 60L), r.llm().callsByModel());
        assertEquals(0.12, r.llm().estimatedCost(), 1e-9);
        assertEquals(0, r.totals().feedbackGood(), "the later verdict on t1 wins");
        assertEquals(1, r.totals().feedbackBad());

        Recommendation auto = recommendation(r, "billing");
        assertEquals(Action.READY_FOR_AUTO, auto.action());
        assertNotNull(auto.threshold());
        Recommendation raise = recommendation(r, "shipping");
        assertEquals(Action.RAISE_THRESHOLD, raise.action());
        assertTrue(raise.threshold() > 0.6 && raise.threshold() <= 0.8, "threshold " + raise.threshold());
        assertEquals(Action.KEEP_SUGGEST, recommendation(r, "returns").action(), "80 % agreement at its only confidence");
        assertTrue(r.recommendations().stream().noneMatch(x -> x.field().equals("category")
                && x.category().equals(KpiReport.NO_CATEGORY)), "no recommendation on too few samples");

        JsonObject json = JsonFields.parseObject(r.toJson());
        assertEquals(71, json.getJsonObject("totals").getInt("decisions"));
        assertEquals(1, json.getJsonObject("input").getInt("malformed"));
        String text = r.toText();
        assertTrue(text.contains("READY_FOR_AUTO"), text);
        assertTrue(text.contains("1 malformed"), text);
    }

    @Test
    void anEmptyOrMissingPeriodGivesAReportWithoutRates() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.jsonl"), "\n\n");
        KpiReport r = KpiReport.builder().build(List.of(file), null);
        assertEquals(0, r.totals().decisions());
        assertNull(r.drafts().usedRate());
        assertTrue(r.recommendations().isEmpty());
        assertTrue(r.toText().contains("recommendations: none yet"));
        JsonFields.parseObject(r.toJson());
    }

    private static FieldStats stats(KpiReport r, String field, String category) {
        return r.fields().stream().filter(f -> f.field().equals(field) && f.category().equals(category)).findFirst()
                .orElseThrow(() -> new AssertionError(field + "/" + category + " in " + r.fields()));
    }

    private static Recommendation recommendation(KpiReport r, String category) {
        return r.recommendations().stream().filter(x -> x.field().equals("category") && x.category().equals(category))
                .findFirst().orElseThrow(() -> new AssertionError(category + " in " + r.recommendations()));
    }
}
