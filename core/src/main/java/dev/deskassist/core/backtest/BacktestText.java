package dev.deskassist.core.backtest;

import dev.deskassist.core.writeback.WriteMode;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link BacktestResult} as plain-text tables for a terminal. */
public final class BacktestText {

    private BacktestText() {
    }

    public static String render(BacktestResult r) {
        StringBuilder sb = new StringBuilder(4096);
        SplitSummary s = r.split();
        sb.append("Backtest: ").append(s.scored()).append(" tickets scored");
        if (s.timeSplit()) {
            sb.append(", model ").append(s.model()).append(" (").append(s.trainedOn()).append(" tickets before ")
                    .append(s.cutoff() == null ? "—" : s.cutoff().toString().substring(0, 10)).append(')');
        } else {
            sb.append(", ").append(s.model());
        }
        sb.append('\n');
        if (s.first() != null) {
            sb.append("history: ").append(s.first().toString(), 0, 10).append(" to ")
                    .append(s.last().toString(), 0, 10).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "target: precision >= %.0f %% on at least %d answers%n%n",
                r.precisionTarget() * 100, r.minSupport()));

        sb.append(String.format(Locale.ROOT, "%-11s %8s %8s %9s %10s  %-8s %9s %9s %9s%n", "field", "labeled",
                "no label", "abstain", "accuracy", "advice", "threshold", "precision", "coverage"));
        for (FieldReport f : r.fields()) {
            Recommendation rec = f.recommendation();
            sb.append(String.format(Locale.ROOT, "%-11s %8d %8d %9d %10s  %-8s %9s %9s %9s%n", f.field().id(),
                    f.labeled(), f.unlabeled(), f.abstained(), pct(f.accuracy()), rec.mode(),
                    threshold(rec.mode(), rec.threshold()),
                    pct(rec.precision()), pct(rec.coverage())));
        }

        sb.append("\nwith the current write-back policy:\n");
        for (FieldReport f : r.fields()) {
            var rule = r.currentPolicy().rule(f.field().output());
            var at = r.underCurrentPolicy(f.field());
            sb.append(String.format(Locale.ROOT, "%-11s %-8s %s%n", f.field().id(), rule.mode(), at.map(p ->
                    String.format(Locale.ROOT, ">= %.2f: precision %s, coverage %s (%d answers)", rule.autoThreshold(),
                            pct(p.precision()), pct(p.coverage()), p.covered())).orElse("")));
        }

        FieldReport cat = r.field(BacktestField.CATEGORY);
        sb.append("\nper category (engine's answer):\n");
        sb.append(String.format(Locale.ROOT, "%-18s %7s %9s %9s %9s  %-8s %9s%n", "category", "human", "predicted",
                "precision", "recall", "advice", "threshold"));
        for (ValueReport v : cat.values()) {
            Recommendation rec = v.recommendation();
            sb.append(String.format(Locale.ROOT, "%-18s %7d %9d %9s %9s  %-8s %9s%n", trim(v.value(), 18),
                    v.humanCount(), v.predictedCount(), pct(v.precision()), pct(v.recall()), rec.mode(),
                    threshold(rec.mode(), rec.threshold())));
        }

        sb.append("\nprecision / coverage by confidence threshold:\n");
        sb.append(String.format(Locale.ROOT, "%-9s", "threshold"));
        for (FieldReport f : r.fields()) {
            sb.append(String.format(Locale.ROOT, " %21s", f.field().id() + " P / C"));
        }
        sb.append('\n');
        for (int t = 0; t <= 100; t += 10) {
            sb.append(String.format(Locale.ROOT, "%-9.2f", t / 100.0));
            for (FieldReport f : r.fields()) {
                ThresholdPoint p = f.curve().get(t);
                sb.append(String.format(Locale.ROOT, " %10s / %8s", pct(p.precision()), pct(p.coverage())));
            }
            sb.append('\n');
        }

        DraftReport d = r.draft();
        sb.append(String.format(Locale.ROOT, "%ndrafts: %d of %d tickets drafted, %d with an agent reply to compare;"
                        + " similarity mean %s, median %s; cited article matched %d of %d (%s)%n", d.drafted(),
                d.scored(), d.compared(), num(d.meanSimilarity()), num(d.medianSimilarity()), d.citationMatched(),
                d.draftsCiting(), pct(d.citationMatchRate())));

        sb.append("languages:");
        for (LanguageReport l : r.languages()) {
            sb.append(String.format(Locale.ROOT, " %s %d (category %s)", l.language(), l.tickets(),
                    pct(l.categoryAccuracy())));
        }
        sb.append('\n');

        DataQuality q = r.quality();
        ReadSummary rs = q.read();
        sb.append(String.format(Locale.ROOT, "%ninput: %d records, %d tickets, %d malformed, %d without id, %d"
                        + " duplicates (last kept), %d out of time order, %d without time, %d without text, %d without"
                        + " any human decision, %d pipeline failures%n", rs.records(), rs.tickets(), rs.malformed(),
                rs.missingId(), q.duplicates(), q.outOfOrder(), q.missingCreatedAt(), q.withoutText(),
                q.withoutAnyDecision(), q.failed()));
        if (rs.truncated()) {
            sb.append("TRUNCATED: ").append(rs.truncation()).append('\n');
        }
        if (!rs.unknownColumns().isEmpty()) {
            sb.append("ignored columns: ").append(String.join(", ", rs.unknownColumns())).append('\n');
        }
        if (rs.textsCut() > 0 || rs.unreadableTimes() > 0) {
            sb.append(rs.textsCut()).append(" texts cut to ").append(ExportReader.MAX_TEXT_CHARS).append(" chars, ")
                    .append(rs.unreadableTimes()).append(" unreadable timestamps\n");
        }
        if (!q.unknownCategories().isEmpty()) {
            sb.append("human categories not in the taxonomy:");
            for (Map.Entry<String, Long> e : q.unknownCategories().entrySet()) {
                sb.append(' ').append(e.getKey()).append(" (").append(e.getValue()).append(')');
            }
            sb.append('\n');
        }
        rs.notes().forEach(n -> sb.append("note: ").append(n).append('\n'));
        q.notes().forEach(n -> sb.append("note: ").append(n).append('\n'));
        return sb.toString();
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", v * 100);
    }

    /** The AUTO threshold with two decimals; a dash for SUGGEST and OFF, which have none. */
    static String threshold(WriteMode mode, double threshold) {
        return mode == WriteMode.AUTO ? String.format(Locale.ROOT, "%.2f", threshold) : "—";
    }

    static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String trim(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
