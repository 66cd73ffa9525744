package dev.deskassist.core.report;

import dev.deskassist.core.audit.DecisionRecord;
import dev.deskassist.core.audit.FeedbackRecord;
import dev.deskassist.core.audit.FieldDecision;
import dev.deskassist.core.audit.OutcomeKind;
import dev.deskassist.core.audit.OutcomeRecord;
import dev.deskassist.core.audit.WriteOutcome;
import dev.deskassist.core.report.KpiReport.Action;
import dev.deskassist.core.report.KpiReport.AutoReplies;
import dev.deskassist.core.report.KpiReport.CategoryStats;
import dev.deskassist.core.report.KpiReport.DraftUsage;
import dev.deskassist.core.report.KpiReport.FieldStats;
import dev.deskassist.core.report.KpiReport.LlmUsage;
import dev.deskassist.core.report.KpiReport.Recommendation;
import dev.deskassist.core.report.KpiReport.ResponseTimes;
import dev.deskassist.core.report.KpiReport.Settings;
import dev.deskassist.core.report.KpiReport.Totals;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes a {@link KpiReport} from an {@link AuditLog}.
 *
 * <pre>{@code
 * KpiReport report = KpiReport.builder().precisionTarget(0.95).costPerCall(0.002)
 *         .build(AuditLog.read(List.of(Path.of("audit.jsonl")), Instant.parse("2026-03-01T00:00:00Z")));
 * String table = report.toText();      // or report.toJson(), KpiHtml.render(report)
 * }</pre>
 */
public final class KpiReportBuilder {

    /** Fields whose abstention and acceptance are reported even when no outcome names them yet. */
    private static final List<String> TRIAGE_FIELDS = List.of("category", "priority", "group", "escalation");
    private static final double LOWER_WHEN_ABSTAINING = 0.3;
    private static final double BAD_FEEDBACK_SHARE = 0.25;
    private static final int MIN_FEEDBACK = 5;

    private double precisionTarget = 0.95;
    private int minSamples = 20;
    private double costPerCall;

    KpiReportBuilder() {
    }

    /** The acceptance a field and category must reach for AUTO (default 0.95). */
    public KpiReportBuilder precisionTarget(double target) {
        this.precisionTarget = target;
        return this;
    }

    /** Judged outcomes needed before recommending anything for a field and category (default 20). */
    public KpiReportBuilder minSamples(int n) {
        this.minSamples = n;
        return this;
    }

    /** The estimated cost of one LLM call (default 0: unknown, no estimate). */
    public KpiReportBuilder costPerCall(double cost) {
        this.costPerCall = cost;
        return this;
    }

    /** Reads the files from {@code since} on and builds the report. */
    public KpiReport build(List<Path> auditFiles, Instant since) {
        return build(AuditLog.read(auditFiles, since));
    }

    public KpiReport build(AuditLog log) {
        Objects.requireNonNull(log, "log");
        Settings settings = new Settings(precisionTarget, minSamples, costPerCall);
        List<DecisionRecord> decisions = log.decisions();
        List<OutcomeRecord> outcomes = log.outcomes();
        List<FeedbackRecord> feedback = log.feedback();

        Instant until = latest(decisions, outcomes, feedback);
        // the latest verdict per ticket and draft judgement per draft feed more than one figure: pick them once
        Map<String, FeedbackRecord> latestFeedback = latestFeedback(feedback);
        Map<String, OutcomeRecord> liveDraftJudgements = latestDraftJudgements(outcomes, false);
        Totals totals = totals(decisions, outcomes, latestFeedback);
        Map<String, Judged> judged = judgedFields(outcomes);
        List<FieldStats> fields = fieldStats(decisions, judged);
        List<CategoryStats> categories = categoryStats(decisions, outcomes, latestFeedback, liveDraftJudgements);
        DraftUsage drafts = drafts(outcomes, liveDraftJudgements, false);
        DraftUsage shadowDrafts = drafts(outcomes, latestDraftJudgements(outcomes, true), true);
        AutoReplies auto = autoReplies(outcomes);
        LlmUsage llm = llm(decisions, settings.costPerCall());
        ResponseTimes times = firstResponse(outcomes);
        List<Recommendation> recs = recommendations(judged, fields, categories, settings);
        return new KpiReport(log.since(), until, totals, fields, categories, drafts, shadowDrafts, auto, llm, times,
                recs, weekly(decisions, outcomes), log.problems(), settings);
    }

    // ---- totals

    private static Instant latest(List<DecisionRecord> d, List<OutcomeRecord> o, List<FeedbackRecord> f) {
        Instant max = null;
        for (DecisionRecord r : d) {
            max = max == null || r.at().isAfter(max) ? r.at() : max;
        }
        for (OutcomeRecord r : o) {
            max = max == null || r.at().isAfter(max) ? r.at() : max;
        }
        for (FeedbackRecord r : f) {
            max = max == null || r.at().isAfter(max) ? r.at() : max;
        }
        return max;
    }

    private static Totals totals(List<DecisionRecord> decisions, List<OutcomeRecord> outcomes,
                                 Map<String, FeedbackRecord> latestFeedback) {
        Map<String, Long> byOutcome = new TreeMap<>();
        Set<String> tickets = new HashSet<>();
        long shadow = 0;
        for (DecisionRecord d : decisions) {
            byOutcome.merge(d.outcome() == null ? "none" : d.outcome().name(), 1L, Long::sum);
            tickets.add(d.helpdesk() + "|" + d.ticketId());
            if (d.outcome() == WriteOutcome.SHADOW) {
                shadow++;
            }
        }
        long good = latestFeedback.values().stream().filter(f -> f.verdict().equals(FeedbackRecord.GOOD)).count();
        return new Totals(decisions.size(), shadow, tickets.size(), byOutcome, outcomes.size(), good,
                latestFeedback.size() - good);
    }

    /** An agent may change a verdict: the latest per ticket counts. */
    private static Map<String, FeedbackRecord> latestFeedback(List<FeedbackRecord> feedback) {
        Map<String, FeedbackRecord> latest = new LinkedHashMap<>();
        for (FeedbackRecord f : feedback) {
            latest.merge(f.helpdesk() + "|" + f.ticketId(), f, (a, b) -> b.at().isBefore(a.at()) ? a : b);
        }
        return latest;
    }

    // ---- fields

    /** The latest judgement of one ticket's field. */
    private record Judged(String field, String category, boolean shadow, boolean agreed, Double confidence,
                          String from, String to) {
    }

    private static Map<String, Judged> judgedFields(List<OutcomeRecord> outcomes) {
        Map<String, OutcomeRecord> latest = new LinkedHashMap<>();
        for (OutcomeRecord o : outcomes) {
            if (!isFieldJudgement(o.kind()) || o.field() == null) {
                continue;
            }
            String key = o.helpdesk() + "|" + o.ticketId() + "|" + o.field() + "|" + o.shadow();
            latest.merge(key, o, (a, b) -> b.at().isBefore(a.at()) ? a : b);
        }
        Map<String, Judged> out = new LinkedHashMap<>();
        latest.forEach((k, o) -> out.put(k, new Judged(o.field(), category(o.category()), o.shadow(),
                o.kind() == OutcomeKind.FIELD_KEPT || o.kind() == OutcomeKind.SHADOW_AGREED, o.confidence(),
                o.from(), o.to())));
        return out;
    }

    private static boolean isFieldJudgement(OutcomeKind k) {
        return k == OutcomeKind.FIELD_KEPT || k == OutcomeKind.FIELD_CORRECTED || k == OutcomeKind.SHADOW_AGREED
                || k == OutcomeKind.SHADOW_DISAGREED;
    }

    private static String category(String c) {
        return c == null || c.isBlank() ? KpiReport.NO_CATEGORY : c;
    }

    private static String categoryOf(DecisionRecord d) {
        return category(d.decision("category").map(FieldDecision::value).orElse(null));
    }

    /** Mutable tallies of one field and category. */
    private static final class Tally {
        long decided;
        long abstained;
        long kept;
        long corrected;
        long agreed;
        long disagreed;
        final Map<String, Long> corrections = new LinkedHashMap<>();
    }

    private static List<FieldStats> fieldStats(List<DecisionRecord> decisions, Map<String, Judged> judged) {
        Set<String> names = new TreeSet<>(Comparator.comparingInt((String f) -> {
            int i = TRIAGE_FIELDS.indexOf(f);
            return i < 0 ? TRIAGE_FIELDS.size() : i;
        }).thenComparing(f -> f));
        judged.values().forEach(j -> names.add(j.field()));
        Map<String, Map<String, Tally>> byField = new LinkedHashMap<>();
        for (DecisionRecord d : decisions) {
            String category = categoryOf(d);
            for (String field : TRIAGE_FIELDS) {
                d.decision(field).ifPresent(fd -> {
                    names.add(field);
                    for (String c : List.of(KpiReport.ALL, category)) {
                        Tally t = tally(byField, field, c);
                        t.decided++;
                        if (fd.value() == null) {
                            t.abstained++;
                        }
                    }
                });
            }
        }
        for (Judged j : judged.values()) {
            for (String c : List.of(KpiReport.ALL, j.category())) {
                Tally t = tally(byField, j.field(), c);
                if (j.shadow()) {
                    if (j.agreed()) {
                        t.agreed++;
                    } else {
                        t.disagreed++;
                    }
                } else if (j.agreed()) {
                    t.kept++;
                } else {
                    t.corrected++;
                }
                if (!j.agreed()) {
                    t.corrections.merge(j.from() + " -> " + j.to(), 1L, Long::sum);
                }
            }
        }
        List<FieldStats> out = new ArrayList<>();
        for (String field : names) {
            Map<String, Tally> byCategory = byField.getOrDefault(field, Map.of());
            List<String> cats = new ArrayList<>(byCategory.keySet());
            cats.sort(Comparator.comparing((String c) -> !c.equals(KpiReport.ALL)).thenComparing(c -> c));
            for (String c : cats) {
                Tally t = byCategory.get(c);
                Map<String, Long> top = new LinkedHashMap<>();
                t.corrections.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .limit(5).forEach(e -> top.put(e.getKey(), e.getValue()));
                out.add(new FieldStats(field, c, t.decided, t.abstained, rate(t.abstained, t.decided), t.kept,
                        t.corrected, rate(t.kept, t.kept + t.corrected), rate(t.corrected, t.kept + t.corrected),
                        t.agreed, t.disagreed, rate(t.agreed, t.agreed + t.disagreed), top));
            }
        }
        return out;
    }

    private static Tally tally(Map<String, Map<String, Tally>> all, String field, String category) {
        return all.computeIfAbsent(field, k -> new LinkedHashMap<>()).computeIfAbsent(category, k -> new Tally());
    }

    // ---- categories

    private static List<CategoryStats> categoryStats(List<DecisionRecord> decisions, List<OutcomeRecord> outcomes,
                                                     Map<String, FeedbackRecord> latestFeedback,
                                                     Map<String, OutcomeRecord> liveDraftJudgements) {
        Map<String, long[]> t = new TreeMap<>();
        // [decisions, escalation decided, escalated, good, bad, offered, used]
        for (DecisionRecord d : decisions) {
            long[] c = t.computeIfAbsent(categoryOf(d), k -> new long[7]);
            c[0]++;
            d.decision("escalation").filter(f -> f.value() != null).ifPresent(f -> {
                c[1]++;
                if (f.value().equalsIgnoreCase("true")) {
                    c[2]++;
                }
            });
        }
        for (FeedbackRecord f : latestFeedback.values()) {
            long[] c = t.computeIfAbsent(category(f.category()), k -> new long[7]);
            c[f.verdict().equals(FeedbackRecord.GOOD) ? 3 : 4]++;
        }
        for (OutcomeRecord o : liveDraftJudgements.values()) {
            if (o.kind() == OutcomeKind.DRAFT_USED) {
                t.computeIfAbsent(category(o.category()), k -> new long[7])[6]++;
            }
        }
        for (OutcomeRecord o : outcomes) {
            if (o.kind() == OutcomeKind.DRAFT_OFFERED && !o.shadow()) {
                t.computeIfAbsent(category(o.category()), k -> new long[7])[5]++;
            }
        }
        List<CategoryStats> out = new ArrayList<>();
        t.forEach((name, c) -> out.add(new CategoryStats(name, c[0], c[2], rate(c[2], c[1]), c[3], c[4], c[5],
                c[6])));
        return out;
    }

    // ---- drafts, replies, responses, LLM

    private static Map<String, OutcomeRecord> latestDraftJudgements(List<OutcomeRecord> outcomes, boolean shadow) {
        Map<String, OutcomeRecord> judged = new LinkedHashMap<>();
        for (OutcomeRecord o : outcomes) {
            if (isDraftJudgement(o.kind()) && o.shadow() == shadow) {
                String key = o.decisionRecordId() != null ? o.decisionRecordId() : o.recordId();
                judged.merge(key, o, (a, b) -> b.at().isBefore(a.at()) ? a : b);
            }
        }
        return judged;
    }

    private static boolean isDraftJudgement(OutcomeKind k) {
        return k == OutcomeKind.DRAFT_USED || k == OutcomeKind.DRAFT_EDITED || k == OutcomeKind.DRAFT_IGNORED;
    }

    /** {@code judgements}: {@link #latestDraftJudgements} of the same mode. */
    private static DraftUsage drafts(List<OutcomeRecord> outcomes, Map<String, OutcomeRecord> judgements,
                                     boolean shadow) {
        long offered = outcomes.stream().filter(o -> o.kind() == OutcomeKind.DRAFT_OFFERED && o.shadow() == shadow)
                .count();
        long used = 0;
        long edited = 0;
        long ignored = 0;
        double scores = 0;
        long scored = 0;
        for (OutcomeRecord o : judgements.values()) {
            switch (o.kind()) {
                case DRAFT_USED -> used++;
                case DRAFT_EDITED -> edited++;
                default -> ignored++;
            }
            if (o.score() != null) {
                scores += o.score();
                scored++;
            }
        }
        long judged = used + edited + ignored;
        return new DraftUsage(offered, judged, used, edited, ignored, rate(used, judged), rate(edited, judged),
                rate(ignored, judged), scored == 0 ? null : Math.round(scores / scored * 1000) / 1000.0);
    }

    private static AutoReplies autoReplies(List<OutcomeRecord> outcomes) {
        Set<String> sent = new HashSet<>();
        Set<String> reopened = new HashSet<>();
        Set<String> followed = new HashSet<>();
        for (OutcomeRecord o : outcomes) {
            String key = o.decisionRecordId() != null ? o.decisionRecordId() : o.helpdesk() + "|" + o.ticketId();
            switch (o.kind()) {
                case AUTO_REPLY_SENT -> sent.add(key);
                case AUTO_REPLY_REOPENED -> reopened.add(key);
                case AUTO_REPLY_FOLLOWED_UP -> followed.add(key);
                default -> {
                }
            }
        }
        Set<String> back = new HashSet<>(reopened);
        back.addAll(followed);
        return new AutoReplies(sent.size(), reopened.size(), followed.size(), rate(back.size(), sent.size()));
    }

    private static ResponseTimes firstResponse(List<OutcomeRecord> outcomes) {
        Map<String, Long> perTicket = new LinkedHashMap<>();
        for (OutcomeRecord o : outcomes) {
            if (o.kind() == OutcomeKind.FIRST_RESPONSE && o.elapsedSeconds() != null && o.elapsedSeconds() >= 0) {
                perTicket.putIfAbsent(o.helpdesk() + "|" + o.ticketId(), o.elapsedSeconds());
            }
        }
        if (perTicket.isEmpty()) {
            return new ResponseTimes(0, null, null, null);
        }
        List<Long> s = perTicket.values().stream().sorted().toList();
        long mean = Math.round(s.stream().mapToLong(Long::longValue).average().orElse(0));
        return new ResponseTimes(s.size(), percentile(s, 0.5), percentile(s, 0.9), mean);
    }

    private static long percentile(List<Long> sorted, double p) {
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static LlmUsage llm(List<DecisionRecord> decisions, double costPerCall) {
        long calls = 0;
        long withLlm = 0;
        Map<String, Long> byModel = new TreeMap<>();
        for (DecisionRecord d : decisions) {
            Map<String, String> stages = new LinkedHashMap<>();
            for (FieldDecision f : d.decisions()) {
                String by = f.decidedBy();
                if (by != null && by.startsWith("llm:")) {
                    String stage = switch (f.field()) {
                        case "summary" -> "summary";
                        case "draft" -> "draft";
                        default -> "triage";
                    };
                    int at = by.indexOf('@');
                    stages.putIfAbsent(stage, by.substring(4, at < 0 ? by.length() : at));
                }
            }
            if (!stages.isEmpty()) {
                withLlm++;
                calls += stages.size();
                stages.values().forEach(m -> byModel.merge(m, 1L, Long::sum));
            }
        }
        return new LlmUsage(withLlm, calls, byModel, costPerCall, Math.round(calls * costPerCall * 10000) / 10000.0);
    }

    // ---- weeks

    private static List<KpiReport.Week> weekly(List<DecisionRecord> decisions, List<OutcomeRecord> outcomes) {
        Map<Instant, long[]> weeks = new TreeMap<>(); // [decisions, judged, corrected, drafts judged, drafts used]
        for (DecisionRecord d : decisions) {
            weeks.computeIfAbsent(weekOf(d.at()), k -> new long[5])[0]++;
        }
        for (OutcomeRecord o : outcomes) {
            if (isFieldJudgement(o.kind()) && o.field() != null) {
                long[] w = weeks.computeIfAbsent(weekOf(o.at()), k -> new long[5]);
                w[1]++;
                if (o.kind() == OutcomeKind.FIELD_CORRECTED || o.kind() == OutcomeKind.SHADOW_DISAGREED) {
                    w[2]++;
                }
            } else if (isDraftJudgement(o.kind())) {
                long[] w = weeks.computeIfAbsent(weekOf(o.at()), k -> new long[5]);
                w[3]++;
                if (o.kind() == OutcomeKind.DRAFT_USED) {
                    w[4]++;
                }
            }
        }
        List<KpiReport.Week> out = new ArrayList<>();
        weeks.forEach((start, w) -> out.add(new KpiReport.Week(start, w[0], w[1], w[2], rate(w[2], w[1]), w[3], w[4],
                rate(w[4], w[3]))));
        return out;
    }

    private static Instant weekOf(Instant at) {
        java.time.LocalDate day = at.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        return day.minusDays(day.getDayOfWeek().getValue() - 1L).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    // ---- recommendations

    private static List<Recommendation> recommendations(Map<String, Judged> judged, List<FieldStats> fields,
                                                        List<CategoryStats> categories, Settings s) {
        Map<String, List<Judged>> groups = new TreeMap<>();
        for (Judged j : judged.values()) {
            groups.computeIfAbsent(j.field() + "\n" + j.category(), k -> new ArrayList<>()).add(j);
        }
        Map<String, FieldStats> statsByKey = new LinkedHashMap<>();
        fields.forEach(f -> statsByKey.put(f.field() + "\n" + f.category(), f));
        List<Recommendation> out = new ArrayList<>();
        groups.forEach((key, list) -> {
            String field = key.substring(0, key.indexOf('\n'));
            String category = key.substring(key.indexOf('\n') + 1);
            if (list.size() < s.minSamples()) {
                return;
            }
            long agreed = list.stream().filter(Judged::agreed).count();
            double acceptance = (double) agreed / list.size();
            Double threshold = lowestThreshold(list, s);
            FieldStats stats = statsByKey.get(key);
            Double abstention = stats == null ? null : stats.abstentionRate();
            if (acceptance >= s.precisionTarget()) {
                double minConf = list.stream().map(Judged::confidence).filter(Objects::nonNull)
                        .mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
                Double t = threshold != null ? threshold : Double.isNaN(minConf) ? null : minConf;
                out.add(new Recommendation(field, category, Action.READY_FOR_AUTO, t, list.size(), round(acceptance),
                        1.0, String.format(Locale.ROOT, "%s of %d accepted: ready for AUTO%s", KpiReport.pct(acceptance),
                        list.size(), t == null ? "" : String.format(Locale.ROOT, " >= %.2f", t))));
                if (abstention != null && abstention >= LOWER_WHEN_ABSTAINING) {
                    out.add(new Recommendation(field, category, Action.LOWER_THRESHOLD, t, list.size(),
                            round(acceptance), null, String.format(Locale.ROOT,
                            "%s accepted while abstaining on %s: lower the threshold a step and watch acceptance",
                            KpiReport.pct(acceptance), KpiReport.pct(abstention))));
                }
            } else if (threshold != null) {
                long covered = list.stream().filter(j -> j.confidence() != null && j.confidence() >= threshold).count();
                long ok = list.stream().filter(j -> j.confidence() != null && j.confidence() >= threshold)
                        .filter(Judged::agreed).count();
                double coverage = (double) covered / list.size();
                out.add(new Recommendation(field, category, Action.RAISE_THRESHOLD, threshold, list.size(),
                        round((double) ok / covered), round(coverage), String.format(Locale.ROOT,
                        "%s accepted overall; at >= %.2f %s accepted, covering %s: raise the threshold to %.2f",
                        KpiReport.pct(acceptance), threshold, KpiReport.pct((double) ok / covered),
                        KpiReport.pct(coverage), threshold)));
            } else {
                out.add(new Recommendation(field, category, Action.KEEP_SUGGEST, null, list.size(), round(acceptance),
                        null, String.format(Locale.ROOT, "%s accepted, below %s at every threshold: keep SUGGEST and "
                        + "retrain with the corrections", KpiReport.pct(acceptance),
                        KpiReport.pct(s.precisionTarget()))));
            }
        });
        for (CategoryStats c : categories) {
            long n = c.feedbackGood() + c.feedbackBad();
            if (n >= MIN_FEEDBACK && (double) c.feedbackBad() / n >= BAD_FEEDBACK_SHARE) {
                out.add(new Recommendation("feedback", c.category(), Action.REVIEW_FEEDBACK, null, n,
                        round((double) c.feedbackGood() / n), null, String.format(Locale.ROOT,
                        "agents marked %d of %d tickets da_bad: review this category", c.feedbackBad(), n)));
            }
        }
        return out;
    }

    /**
     * The lowest confidence at and above which acceptance meets the target over at least
     * {@code minSamples} judged values; null when there is none.
     */
    private static Double lowestThreshold(List<Judged> list, Settings s) {
        List<Judged> withConf = list.stream().filter(j -> j.confidence() != null)
                .sorted(Comparator.comparingDouble(Judged::confidence)).toList();
        int n = withConf.size();
        long[] agreedFrom = new long[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            agreedFrom[i] = agreedFrom[i + 1] + (withConf.get(i).agreed() ? 1 : 0);
        }
        for (int i = 0; i < n; i++) {
            if (i > 0 && withConf.get(i).confidence().equals(withConf.get(i - 1).confidence())) {
                continue; // a threshold takes every value at it
            }
            int count = n - i;
            if (count < s.minSamples()) {
                return null;
            }
            if ((double) agreedFrom[i] / count >= s.precisionTarget()) {
                return round(withConf.get(i).confidence());
            }
        }
        return null;
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round((double) part / whole * 10000) / 10000.0;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
