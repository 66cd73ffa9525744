package dev.deskassist.core.report;

import dev.deskassist.core.html.Bar;
import dev.deskassist.core.html.Chart;
import dev.deskassist.core.html.Charts;
import dev.deskassist.core.html.HtmlPage;
import dev.deskassist.core.html.Series;
import dev.deskassist.core.report.KpiReport.CategoryStats;
import dev.deskassist.core.report.KpiReport.DraftUsage;
import dev.deskassist.core.report.KpiReport.FieldStats;
import dev.deskassist.core.report.KpiReport.Recommendation;
import dev.deskassist.core.report.KpiReport.Week;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders a {@link KpiReport} as a self-contained HTML page ({@link HtmlPage}, no script, no
 * external resource): acceptance and correction rates per field and per category as bars,
 * abstention, escalation, draft usage and the reopen rate of automatic replies, and the weekly
 * correction rate as a time series when the records span more than one week.
 */
public final class KpiHtml {

    private KpiHtml() {
    }

    public static String render(KpiReport r) {
        HtmlPage page = HtmlPage.titled("DeskAssist report");
        var t = r.totals();
        Map<String, String> overview = new LinkedHashMap<>();
        overview.put("period", (r.since() == null ? "all records" : "since " + r.since())
                + (r.until() == null ? "" : ", latest record " + r.until()));
        overview.put("decisions", t.decisions() + " on " + t.tickets() + " tickets (shadow mode: " + t.shadowDecisions()
                + ")");
        StringBuilder wb = new StringBuilder();
        t.byOutcome().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> wb.append(wb.length() > 0
                ? ", " : "").append(e.getKey().toLowerCase(Locale.ROOT)).append(' ').append(e.getValue()));
        overview.put("write-back", wb.length() == 0 ? "—" : wb.toString());
        overview.put("outcome records", String.valueOf(t.outcomes()));
        overview.put("feedback", "da_good " + t.feedbackGood() + ", da_bad " + t.feedbackBad());
        overview.put("targets", "acceptance " + KpiReport.pct(r.settings().precisionTarget()) + " on at least "
                + r.settings().minSamples() + " judged values");
        page.keyValues(overview);

        fields(page, r);
        categories(page, r);
        drafts(page, r);
        weeks(page, r.weekly());

        page.heading("Recommendations");
        if (r.recommendations().isEmpty()) {
            page.paragraph("None yet: no field and category has " + r.settings().minSamples() + " judged values.");
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (Recommendation rec : r.recommendations()) {
                rows.add(List.of(rec.field(), rec.category(), rec.action().name(),
                        rec.threshold() == null ? "—" : String.format(Locale.ROOT, "%.2f", rec.threshold()),
                        String.valueOf(rec.samples()), KpiReport.pct(rec.acceptance()), rec.reason()));
            }
            page.table(List.of("field", "category", "action", "threshold", "judged", "acceptance", "why"), rows);
        }

        page.heading("LLM calls and response times");
        Map<String, String> other = new LinkedHashMap<>();
        other.put("decisions with an LLM", String.valueOf(r.llm().decisionsWithLlm()));
        other.put("LLM calls", r.llm().calls() + (r.llm().callsByModel().isEmpty() ? "" : " " + r.llm().callsByModel()));
        other.put("estimated cost", r.llm().costPerCall() == 0 ? "— (no --cost-per-call)"
                : String.format(Locale.ROOT, "%.4f", r.llm().estimatedCost()));
        var fr = r.firstResponse();
        other.put("first response", fr.tickets() == 0 ? "—" : "median "
                + KpiReport.duration(fr.medianSeconds(), "—") + ", p90 " + KpiReport.duration(fr.p90Seconds(), "—")
                + " over " + fr.tickets() + " tickets");
        page.keyValues(other);

        var in = r.input();
        page.heading("Input");
        Map<String, String> input = new LinkedHashMap<>();
        input.put("lines read", String.valueOf(in.lines()));
        input.put("left out", in.skipped() + " (malformed " + in.malformed() + ", unknown type " + in.unknownType()
                + ", invalid " + in.invalid() + ", duplicates " + in.duplicates() + "), before the period "
                + in.beforeSince());
        input.put("noticed", "other library version " + in.otherVersion() + ", unknown members " + in.unknownFields()
                + ", out of order " + in.outOfOrder());
        page.keyValues(input);
        return page.render();
    }

    private static void fields(HtmlPage page, KpiReport r) {
        page.heading("Acceptance and corrections per field");
        List<List<String>> rows = new ArrayList<>();
        for (FieldStats f : r.fields()) {
            if (!f.category().equals(KpiReport.ALL) && KpiReport.judged(f) == 0 && f.abstained() == 0) {
                continue;
            }
            rows.add(List.of(f.field(), f.category(), String.valueOf(f.decided()), KpiReport.pct(f.abstentionRate()),
                    String.valueOf(f.kept() + f.corrected()), KpiReport.pct(f.acceptanceRate()),
                    KpiReport.pct(f.correctionRate()), String.valueOf(f.agreed() + f.disagreed()),
                    KpiReport.pct(f.shadowAgreement()), String.join("; ", f.topCorrections().keySet())));
        }
        page.table(List.of("field", "category", "decided", "abstained", "judged (live)", "kept", "corrected",
                "judged (shadow)", "agreed", "top corrections"), rows);
        page.note("Kept and corrected: values written to tickets that agents kept or replaced (latest state per ticket)."
                + " Agreed: in shadow mode, the share of values agents set the same as ours.");

        List<FieldStats> all = r.fields().stream().filter(f -> f.category().equals(KpiReport.ALL)).toList();
        chart(page, "Accepted (kept or agreed) per field", all, FieldStats::field, KpiHtml::acceptance);
        chart(page, "Corrected or set differently per field", all, FieldStats::field, KpiHtml::correction);
        chart(page, "Abstained per field", all, FieldStats::field, FieldStats::abstentionRate);
        for (FieldStats f : all) {
            List<FieldStats> perCategory = r.fields().stream().filter(x -> x.field().equals(f.field())
                    && !x.category().equals(KpiReport.ALL) && KpiReport.judged(x) > 0).toList();
            if (perCategory.size() > 1) {
                chart(page, f.field() + ": accepted per category", perCategory, FieldStats::category,
                        KpiHtml::acceptance);
            }
        }
    }

    private static void categories(HtmlPage page, KpiReport r) {
        page.heading("Categories");
        List<List<String>> rows = new ArrayList<>();
        for (CategoryStats c : r.categories()) {
            rows.add(List.of(c.category(), String.valueOf(c.decisions()), String.valueOf(c.escalated()),
                    KpiReport.pct(c.escalationRate()), String.valueOf(c.feedbackGood()), String.valueOf(c.feedbackBad()),
                    c.draftsUsed() + "/" + c.draftsOffered()));
        }
        page.table(List.of("category", "decisions", "escalated", "escalation rate", "da_good", "da_bad",
                "drafts used/offered"), rows);
        chart(page, "Escalated per category", r.categories(), CategoryStats::category, CategoryStats::escalationRate);
        List<Bar> decisions = r.categories().stream().map(c -> new Bar(c.category(), c.decisions(),
                String.valueOf(c.decisions()))).toList();
        if (!decisions.isEmpty()) {
            page.chart(Charts.bars("Decisions per category", decisions, 0));
        }
    }

    private static void drafts(HtmlPage page, KpiReport r) {
        page.heading("Drafts and automatic replies");
        List<List<String>> rows = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        for (var e : Map.of("live", r.drafts(), "shadow", r.shadowDrafts()).entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            DraftUsage d = e.getValue();
            rows.add(List.of(e.getKey(), String.valueOf(d.offered()), String.valueOf(d.judged()), KpiReport.pct(d.usedRate()),
                    KpiReport.pct(d.editedRate()), KpiReport.pct(d.ignoredRate()),
                    d.meanScore() == null ? "—" : String.format(Locale.ROOT, "%.2f", d.meanScore())));
            if (d.judged() > 0) {
                bars.add(bar(e.getKey() + " used", d.usedRate()));
                bars.add(bar(e.getKey() + " edited", d.editedRate()));
                bars.add(bar(e.getKey() + " ignored", d.ignoredRate()));
            }
        }
        page.table(List.of("mode", "offered", "followed by an agent reply", "used", "edited", "ignored",
                "mean similarity"), rows);
        var a = r.autoReplies();
        page.paragraph(String.format(Locale.ROOT, "Automatic replies: %d sent, %d reopened, %d followed by another "
                + "customer message; reopen rate %s.", a.sent(), a.reopened(), a.followedUp(), KpiReport.pct(a.reopenRate())));
        if (!bars.isEmpty()) {
            page.chart(Charts.bars("Draft usage", bars, 1));
        }
        if (a.sent() > 0) {
            page.chart(Charts.bars("Automatic replies", List.of(bar("came back", a.reopenRate())), 1));
        }
    }

    private static void weeks(HtmlPage page, List<Week> weeks) {
        page.heading("Week by week");
        if (weeks.isEmpty()) {
            page.paragraph("No records in the period.");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Week w : weeks) {
            rows.add(List.of(w.start().toString().substring(0, 10), String.valueOf(w.decisions()),
                    String.valueOf(w.judged()), KpiReport.pct(w.correctionRate()), String.valueOf(w.draftsJudged()),
                    KpiReport.pct(w.draftUsedRate())));
        }
        if (weeks.size() > 1) {
            var first = weeks.get(0).start();
            List<double[]> corrected = new ArrayList<>();
            List<double[]> used = new ArrayList<>();
            for (Week w : weeks) {
                double x = Duration.between(first, w.start()).toDays() / 7.0;
                corrected.add(new double[] {x, w.correctionRate() == null ? Double.NaN : w.correctionRate()});
                used.add(new double[] {x, w.draftUsedRate() == null ? Double.NaN : w.draftUsedRate()});
            }
            double last = Duration.between(first, weeks.get(weeks.size() - 1).start()).toDays() / 7.0;
            Chart c = Charts.lines("Corrections and draft use per week", "weeks since "
                            + first.toString().substring(0, 10), List.of(new Series("corrected or set differently",
                            corrected), new Series("drafts used", used)), 0, last,
                    x -> String.format(Locale.ROOT, "%.0f", x), 0, 1, List.of(), List.of());
            page.chart(c);
        }
        page.table(List.of("week from", "decisions", "values judged", "corrected", "drafts judged", "drafts used"), rows);
    }

    private static <T> void chart(HtmlPage page, String title, List<T> items, Function<T, String> label,
                                  Function<T, Double> rate) {
        List<Bar> bars = new ArrayList<>();
        for (T item : items) {
            Double v = rate.apply(item);
            if (v != null) {
                bars.add(bar(label.apply(item), v));
            }
        }
        if (!bars.isEmpty()) {
            page.chart(Charts.bars(title, bars, 1));
        }
    }

    private static Bar bar(String label, Double rate) {
        return new Bar(label, rate == null ? 0 : rate, KpiReport.pct(rate));
    }

    /** Kept and agreed over everything judged, live and shadow together. */
    private static Double acceptance(FieldStats f) {
        long n = KpiReport.judged(f);
        return n == 0 ? null : (double) (f.kept() + f.agreed()) / n;
    }

    private static Double correction(FieldStats f) {
        long n = KpiReport.judged(f);
        return n == 0 ? null : (double) (f.corrected() + f.disagreed()) / n;
    }
}
