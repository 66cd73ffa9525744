package dev.deskassist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import dev.deskassist.core.report.AuditLog;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {

    @TempDir
    Path dir;

    private Path audit() throws IOException {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(file)) {
            for (int i = 0; i < 3; i++) {
                Instant at = Instant.parse("2026-03-0" + (i + 1) + "T10:00:00Z");
                sink.record(new DecisionRecord("d" + i, "t" + i, at, DeskAssist.VERSION,
                        List.of(new FieldDecision("category", "billing", 0.9, List.of(), "model")), Map.of(), List.of(),
                        "zendesk", WriteOutcome.WRITTEN));
                sink.outcome(new OutcomeRecord("o" + i, "zendesk", "t" + i, at.plusSeconds(60),
                        i == 0 ? OutcomeKind.FIELD_CORRECTED : OutcomeKind.FIELD_KEPT, "d" + i, "category", "billing",
                        i == 0 ? "shipping" : "billing", "billing", 0.9, null, null, false));
            }
        }
        Files.writeString(file, "{\"recordId\":\"x\",\"ticketId\":\"t", StandardOpenOption.APPEND);
        return file;
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new ReportCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonFromTheSecondDayOn() throws IOException {
        Run r = run("--since", "2026-03-02", "--audit", audit().toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject json = JsonFields.parseObject(r.out().strip());
        assertEquals(2, json.getJsonObject("totals").getInt("decisions"));
        assertEquals(1, json.getJsonObject("input").getInt("malformed"));
        assertEquals(2, json.getJsonObject("input").getInt("beforeSince"));
    }

    @Test
    void textTablesWithTheCorrection() throws IOException {
        Run r = run("--since", "2026-03-01T00:00:00Z", "--audit", audit().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("category"), r.out());
        assertTrue(r.out().contains("66.7%"), r.out());
    }

    @Test
    void htmlPageWithPlotsAndAWeeklySeries() throws IOException {
        Path file = audit();
        Path second = dir.resolve("audit-2.jsonl");
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(second)) {
            // a second week, with a shadow disagreement in another category
            Instant at = Instant.parse("2026-03-10T10:00:00Z");
            sink.record(new DecisionRecord("d9", "t9", at, DeskAssist.VERSION,
                    List.of(new FieldDecision("category", "shipping <b>", 0.7, List.of(), "model")), Map.of(),
                    List.of(), "zendesk", WriteOutcome.SHADOW));
            sink.outcome(new OutcomeRecord("o9", "zendesk", "t9", at.plusSeconds(60), OutcomeKind.SHADOW_DISAGREED,
                    "d9", "category", "shipping <b>", "billing", "shipping <b>", 0.7, null, null, true));
        }
        Path page = dir.resolve("html/report.html");
        Path out = dir.resolve("out");
        Run r = run("--since", "2026-03-01", "--audit", file.toString(), second.toString(), "--html", page.toString(), "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(page);
        assertEquals(html, Files.readString(out.resolve("report.html")));
        assertTrue(Files.readString(out.resolve("report.txt")).contains("66.7%"));
        assertEquals(4, JsonFields.parseObject(Files.readString(out.resolve("report.json"))).getJsonObject("totals")
                .getInt("decisions"));
        assertEquals(3, JsonFields.parseObject(Files.readString(out.resolve("report.json"))).getJsonArray("weekly")
                .size(), "2026-03-01 is a Sunday: weeks from Feb 23, Mar 2 and Mar 9");
        assertTrue(html.split("<svg ", -1).length - 1 >= 4, "bars per field and category, and the weekly series");
        assertTrue(html.contains("Accepted (kept or agreed) per field"), html);
        assertTrue(html.contains("category: accepted per category"), html);
        assertTrue(html.contains("Corrections and draft use per week"), html);
        assertTrue(html.contains("<path d="), "the weekly line");
        assertTrue(html.contains("2026-03-09"), "the second week starts on Monday");
        assertTrue(html.contains("shipping &lt;b&gt;") && !html.contains("shipping <b>"), "labels escaped");
        assertFalse(html.contains("<script"));
        assertFalse(html.replace("http://www.w3.org/2000/svg", "").matches("(?s).*(src|href)=\"https?:.*"));
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void sampleReplaysTheNordwindHistoryIntoRecordsAndRendersTheReport() throws IOException {
        Path out = dir.resolve("sample");
        Run r = run("--sample", "--sample-size", "500", "--seed", "7", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("ran in shadow mode") && r.err().contains("seeded"), r.err());

        AuditLog log = AuditLog.read(List.of(out.resolve("sample-audit.jsonl")), null);
        assertEquals(0, log.problems().skipped(), log.toString());
        assertTrue(log.decisions().stream().anyMatch(d -> d.outcome() == WriteOutcome.SHADOW));
        assertTrue(log.decisions().stream().anyMatch(d -> d.outcome() == WriteOutcome.WRITTEN));
        var kinds = log.outcomes().stream().map(OutcomeRecord::kind).collect(java.util.stream.Collectors.toSet());
        assertTrue(kinds.containsAll(List.of(OutcomeKind.SHADOW_AGREED, OutcomeKind.SHADOW_DISAGREED,
                OutcomeKind.FIELD_KEPT, OutcomeKind.DRAFT_OFFERED)), kinds.toString());
        assertTrue(log.outcomes().stream().filter(o -> o.kind() == OutcomeKind.SHADOW_AGREED)
                .allMatch(o -> o.from().equalsIgnoreCase(o.to()) && o.shadow()), "agreement is a comparison");
        assertTrue(log.outcomes().stream().filter(o -> o.kind() == OutcomeKind.SHADOW_DISAGREED)
                .noneMatch(o -> o.from().equalsIgnoreCase(o.to())));
        assertFalse(log.feedback().isEmpty(), "seeded verdicts on live tickets");
        assertTrue(log.feedback().stream().noneMatch(FeedbackRecord::shadow), "no verdicts in shadow mode");
        String records = Files.readString(out.resolve("sample-audit.jsonl"));
        assertFalse(records.contains("Viele Grüße") || records.contains("Best regards") || records.contains("Katrin"),
                "no ticket text or names in the records");

        assertTrue(r.out().contains("decisions") && r.out().contains("shadow"), r.out());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Corrections and draft use per week"), "the sample spans weeks");
        assertTrue(html.split("<svg ", -1).length - 1 >= 5, html.length() + " chars");
        assertFalse(html.contains("<script"));
        assertEquals(2, run("--sample", "--audit", out.resolve("sample-audit.jsonl").toString()).code());
    }

    @Test
    void badArgumentsAreUsageErrors() throws IOException {
        assertEquals(2, run("--since", "March", "--audit", audit().toString()).code());
        Run missing = run("--since", "2026-03-01", "--audit", dir.resolve("nope.jsonl").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such audit file"), missing.err());
        assertEquals(2, run("--audit", audit().toString()).code(), "--since is required");
    }

    @Test
    void mainListsAndRunsIt() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new String[] {"report", "--help"}, new PrintWriter(out, true),
                new PrintWriter(err, true)));
        assertTrue(out.toString().contains("--since"), out.toString());
        StringWriter usage = new StringWriter();
        Main.run(new String[] {"--help"}, new PrintWriter(usage, true), new PrintWriter(err, true));
        assertTrue(usage.toString().lines().anyMatch(l -> l.strip().startsWith("report") && l.contains("KPIs")),
                usage.toString());
    }
}
