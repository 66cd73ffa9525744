package dev.deskassist.core.backtest;

import dev.deskassist.core.html.Bar;
import dev.deskassist.core.html.Charts;
import dev.deskassist.core.html.HtmlPage;
import dev.deskassist.core.html.Series;
import dev.deskassist.core.writeback.WriteMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link BacktestResult} as a self-contained HTML page with a precision/coverage chart per field. */
public final class BacktestHtml {

    private BacktestHtml() {
    }

    public static String render(BacktestResult r) {
        SplitSummary s = r.split();
        HtmlPage page = HtmlPage.titled("DeskAssist backtest");
        Map<String, String> overview = new LinkedHashMap<>();
        overview.put("tickets scored", String.valueOf(s.scored()));
        overview.put("model", s.model());
        if (s.timeSplit()) {
            overview.put("trained on tickets before", s.cutoff() == null ? "—" : s.cutoff().toString());
            overview.put("tickets before the split", String.valueOf(s.trainedOn()));
        }
        if (s.first() != null) {
            overview.put("history", s.first().toString().substring(0, 10) + " to " + s.last().toString().substring(0, 10));
        }
        overview.put("precision target", BacktestText.pct(r.precisionTarget()) + " on at least " + r.minSupport()
                + " answers");
        page.keyValues(overview);

        page.heading("Recommendation per field");
        List<List<String>> rows = new ArrayList<>();
        for (FieldReport f : r.fields()) {
            Recommendation rec = f.recommendation();
            rows.add(List.of(f.field().id(), String.valueOf(f.labeled()), String.valueOf(f.unlabeled()),
                    BacktestText.pct(f.accuracy()), rec.mode().name(), threshold(rec), BacktestText.pct(rec.precision()),
                    BacktestText.pct(rec.coverage()), rec.reason()));
        }
        page.table(List.of("field", "labeled", "no human decision", "accuracy", "advice", "threshold", "precision",
                "coverage", "why"), rows);
        List<List<String>> current = new ArrayList<>();
        for (FieldReport f : r.fields()) {
            var rule = r.currentPolicy().rule(f.field().output());
            var at = r.underCurrentPolicy(f.field());
            current.add(List.of(f.field().id(), rule.mode().name(),
                    BacktestText.threshold(rule.mode(), rule.autoThreshold()),
                    at.map(p -> BacktestText.pct(p.precision())).orElse("—"),
                    at.map(p -> BacktestText.pct(p.coverage())).orElse("—")));
        }
        page.subheading("The current write-back policy on the same tickets");
        page.table(List.of("field", "mode", "threshold", "precision", "coverage"), current);
        page.note("Accuracy counts every labeled ticket, an abstention as wrong. Precision: share of the answers at or"
                + " above the threshold that the agents agreed with. Coverage: share of the labeled tickets those"
                + " answers cover (for escalation: share of the human escalations found).");

        page.heading("Precision and coverage by confidence threshold");
        for (FieldReport f : r.fields()) {
            List<double[]> precision = new ArrayList<>();
            List<double[]> coverage = new ArrayList<>();
            for (ThresholdPoint p : f.curve()) {
                precision.add(new double[] {p.threshold(), p.precision()});
                coverage.add(new double[] {p.threshold(), p.coverage()});
            }
            Recommendation rec = f.recommendation();
            page.chart(Charts.lines(f.field().id() + " — " + rec.mode() + (rec.mode() == WriteMode.AUTO
                            ? " ≥ " + threshold(rec) : ""), "confidence threshold",
                    List.of(new Series("precision", precision), new Series("coverage", coverage)), 0, 1,
                    List.of(r.precisionTarget()), rec.mode() == WriteMode.AUTO ? List.of(rec.threshold()) : List.of()));
        }
        page.note("Red dashes: the precision target. Green dashes: the recommended AUTO threshold.");

        for (FieldReport f : r.fields()) {
            page.subheading(f.field().id() + " per value");
            List<List<String>> vr = new ArrayList<>();
            List<Bar> bars = new ArrayList<>();
            for (ValueReport v : f.values()) {
                vr.add(List.of(v.value(), String.valueOf(v.humanCount()), String.valueOf(v.predictedCount()),
                        BacktestText.pct(v.precision()), BacktestText.pct(v.recall()), v.recommendation().mode().name(),
                        threshold(v.recommendation()), v.recommendation().reason()));
                bars.add(new Bar(v.value(), Double.isNaN(v.precision()) ? 0 : v.precision(),
                        BacktestText.pct(v.precision()) + " of " + v.predictedCount()));
            }
            page.table(List.of("value", "human", "engine", "precision", "recall", "advice", "threshold", "why"), vr);
            if (!bars.isEmpty()) {
                page.chart(Charts.bars(f.field().id() + ": precision per value", bars, 1.0));
            }
        }

        DraftReport d = r.draft();
        page.heading("Drafts against the agents' first replies");
        page.paragraph(String.format(Locale.ROOT, "%d of %d scored tickets got a draft; %d had an agent reply to"
                        + " compare. Word-overlap similarity: mean %s, median %s. The article the draft cited was"
                        + " referred to by the agent in %d of %d cases (%s).", d.drafted(), d.scored(), d.compared(),
                BacktestText.num(d.meanSimilarity()), BacktestText.num(d.medianSimilarity()), d.citationMatched(),
                d.draftsCiting(), BacktestText.pct(d.citationMatchRate())));
        List<Bar> hist = new ArrayList<>();
        for (int i = 0; i < d.histogram().size(); i++) {
            long n = d.histogram().get(i);
            hist.add(new Bar(String.format(Locale.ROOT, "%.1f–%.1f", i / 10.0, (i + 1) / 10.0), n, String.valueOf(n)));
        }
        page.chart(Charts.bars("similarity of draft and agent reply", hist, 0));
        List<Bar> byCat = new ArrayList<>();
        d.meanSimilarityByCategory().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> byCat.add(new Bar(e.getKey(), e.getValue(), BacktestText.num(e.getValue()))));
        if (!byCat.isEmpty()) {
            page.chart(Charts.bars("mean similarity per human category", byCat, 1.0));
        }

        page.heading("Languages");
        List<List<String>> lr = new ArrayList<>();
        for (LanguageReport l : r.languages()) {
            lr.add(List.of(l.language(), String.valueOf(l.tickets()), String.valueOf(l.categoryLabeled()),
                    BacktestText.pct(l.categoryAccuracy())));
        }
        page.table(List.of("detected language", "tickets", "with human category", "category accuracy"), lr);

        page.heading("Input quality");
        DataQuality q = r.quality();
        ReadSummary rs = q.read();
        Map<String, String> qa = new LinkedHashMap<>();
        qa.put("records read", String.valueOf(rs.records()));
        qa.put("tickets taken", String.valueOf(rs.tickets()));
        qa.put("malformed records", String.valueOf(rs.malformed()));
        qa.put("records without id", String.valueOf(rs.missingId()));
        qa.put("input truncated", rs.truncated() ? "yes: " + rs.truncation() : "no");
        qa.put("duplicated ids (last copy kept)", String.valueOf(q.duplicates()));
        qa.put("out of time order (sorted)", String.valueOf(q.outOfOrder()));
        qa.put("left out: no creation time", String.valueOf(q.missingCreatedAt()));
        qa.put("left out: no text", String.valueOf(q.withoutText()));
        qa.put("without any human decision", String.valueOf(q.withoutAnyDecision()));
        qa.put("pipeline failures", String.valueOf(q.failed()));
        qa.put("texts cut to " + ExportReader.MAX_TEXT_CHARS + " chars", String.valueOf(rs.textsCut()));
        qa.put("unreadable timestamps", String.valueOf(rs.unreadableTimes()));
        qa.put("ignored columns", rs.unknownColumns().isEmpty() ? "—" : String.join(", ", rs.unknownColumns()));
        page.keyValues(qa);
        if (!q.unknownCategories().isEmpty()) {
            List<List<String>> uc = new ArrayList<>();
            q.unknownCategories().forEach((k, v) -> uc.add(List.of(k, String.valueOf(v))));
            page.subheading("Human categories the taxonomy does not know");
            page.table(List.of("category", "scored tickets"), uc);
        }
        List<String> notes = new ArrayList<>(rs.notes());
        notes.addAll(q.notes());
        if (!notes.isEmpty()) {
            page.bullets(notes);
        }

        page.heading("Recommended write-back policy");
        page.note("Written as writeback-policy.recommended.json next to this page; review it before adopting it.");
        List<List<String>> pr = new ArrayList<>();
        for (var o : dev.deskassist.core.writeback.Output.values()) {
            var rule = r.recommendedPolicy().rule(o);
            pr.add(List.of(o.name().toLowerCase(Locale.ROOT), "all others", rule.mode().name(),
                    BacktestText.threshold(rule.mode(), rule.autoThreshold())));
            rule.categories().forEach((c, cr) -> pr.add(List.of("", c, cr.mode().name(),
                    BacktestText.threshold(cr.mode(), cr.autoThreshold()))));
        }
        page.table(List.of("output", "category", "mode", "threshold"), pr);
        return page.render();
    }

    private static String threshold(Recommendation rec) {
        return BacktestText.threshold(rec.mode(), rec.threshold());
    }
}
