package dev.deskassist.core.report;

import dev.deskassist.core.json.JsonCodec;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What DeskAssist did over a period and how the team took it, computed from decision, outcome and
 * feedback records ({@link AuditLog}): per field and category the abstention, acceptance and
 * correction rates (and, in shadow mode, the agreement with what agents set), draft usage,
 * escalations, the reopen rate of automatic replies, LLM calls with an estimated cost, the first
 * response time, and recommendations (thresholds to raise or lower, categories ready for AUTO).
 * Rates are {@code null} when there was nothing to divide by. Build one with {@link #builder()};
 * show it with {@link #toText()} or {@link #toJson()}, or render the records yourself.
 *
 * @param since           the start of the period ({@code null}: everything read)
 * @param until           the time of the latest record used, or null when none
 * @param totals          counts over the period
 * @param fields          per field, for all categories ({@code category = "*"}) and per category
 * @param categories      per category we decided ({@code "(none)"}: we abstained)
 * @param drafts          drafts offered to agents in live mode and what became of them
 * @param shadowDrafts    the same for shadow mode, where the agent never saw the draft (how close it would have been)
 * @param autoReplies     replies we sent and how many came back
 * @param llm             LLM calls and estimated cost
 * @param firstResponse   time from a ticket's creation to the first public agent reply
 * @param recommendations what to change in the write-back policy
 * @param weekly          per ISO week (UTC, from Monday), decisions and how the team judged them: a time series
 * @param input           what reading left out or noticed
 * @param settings        the targets the recommendations used
 */
public record KpiReport(
        Instant since,
        Instant until,
        Totals totals,
        List<FieldStats> fields,
        List<CategoryStats> categories,
        DraftUsage drafts,
        DraftUsage shadowDrafts,
        AutoReplies autoReplies,
        LlmUsage llm,
        ResponseTimes firstResponse,
        List<Recommendation> recommendations,
        List<Week> weekly,
        AuditLog.Problems input,
        Settings settings) {

    /** The category name used for tickets on which we abstained from a category. */
    public static final String NO_CATEGORY = "(none)";
    /** The category name of rows over all categories. */
    public static final String ALL = "*";

    public KpiReport {
        fields = List.copyOf(fields);
        categories = List.copyOf(categories);
        recommendations = List.copyOf(recommendations);
        weekly = weekly == null ? List.of() : List.copyOf(weekly);
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * @param precisionTarget the acceptance a field and category must reach for AUTO (default 0.95)
     * @param minSamples      judged outcomes needed before recommending anything (default 20)
     * @param costPerCall     the estimated cost of one LLM call, in the user's currency (default 0: unknown)
     */
    public record Settings(double precisionTarget, int minSamples, double costPerCall) {

        public Settings {
            if (!(precisionTarget > 0 && precisionTarget <= 1)) {
                throw new IllegalArgumentException("precisionTarget must be in (0,1]");
            }
            if (minSamples < 1) {
                throw new IllegalArgumentException("minSamples must be >= 1");
            }
            if (!(costPerCall >= 0) || Double.isInfinite(costPerCall)) {
                throw new IllegalArgumentException("costPerCall must be >= 0");
            }
        }
    }

    /**
     * @param decisions       decision records in the period
     * @param shadowDecisions of them, made in shadow mode
     * @param tickets         distinct tickets decided on
     * @param byOutcome       decision records by write-back outcome ({@code none}: recorded without the pipeline)
     * @param outcomes        outcome records in the period
     * @param feedbackGood    {@code da_good} verdicts
     * @param feedbackBad     {@code da_bad} verdicts
     */
    public record Totals(long decisions, long shadowDecisions, long tickets, Map<String, Long> byOutcome,
                         long outcomes, long feedbackGood, long feedbackBad) {

        public Totals {
            byOutcome = Map.copyOf(byOutcome);
        }
    }

    /**
     * One field for one category ({@link #ALL} for all). Acceptance counts the latest state of each
     * ticket's field: kept (live) or agreed (shadow) over everything judged.
     *
     * @param decided          decisions made on the field
     * @param abstained        of them, without a value (left to a human)
     * @param kept             values we wrote that humans kept
     * @param corrected        values we wrote that humans replaced
     * @param agreed           shadow mode: values humans set equal to ours
     * @param disagreed        shadow mode: values humans set differently
     * @param topCorrections   the most frequent corrections and disagreements, {@code "from -> to"} to count
     */
    public record FieldStats(String field, String category, long decided, long abstained, Double abstentionRate,
                             long kept, long corrected, Double acceptanceRate, Double correctionRate, long agreed,
                             long disagreed, Double shadowAgreement, Map<String, Long> topCorrections) {

        public FieldStats {
            topCorrections = Map.copyOf(topCorrections);
        }
    }

    /** One category we decided: how often, how often escalated, feedback and drafts. */
    public record CategoryStats(String category, long decisions, long escalated, Double escalationRate,
                                long feedbackGood, long feedbackBad, long draftsOffered, long draftsUsed) {
    }

    /**
     * Drafts and the agents' next public replies: used (score at or above the "used" threshold),
     * edited, ignored; {@code judged} drafts were followed by an agent reply.
     */
    public record DraftUsage(long offered, long judged, long used, long edited, long ignored, Double usedRate,
                             Double editedRate, Double ignoredRate, Double meanScore) {
    }

    /** Automatic replies and those followed by a reopen or a customer message within the window. */
    public record AutoReplies(long sent, long reopened, long followedUp, Double reopenRate) {
    }

    /**
     * LLM calls, counted from the deciding engines in the decision records (one call per stage,
     * triage, summary or draft, decided by an {@code llm:} engine; cache hits look the same).
     * Decision records carry no token counts, so the cost is calls times {@link Settings#costPerCall()}.
     */
    public record LlmUsage(long decisionsWithLlm, long calls, Map<String, Long> callsByModel, double costPerCall,
                           double estimatedCost) {

        public LlmUsage {
            callsByModel = Map.copyOf(callsByModel);
        }
    }

    /** Seconds from creation to the first public agent reply, over the tickets where both times are known. */
    public record ResponseTimes(long tickets, Long medianSeconds, Long p90Seconds, Long meanSeconds) {
    }

    /**
     * One week of records: decisions made, field values judged by humans that week (kept or agreed
     * against corrected or set differently in shadow mode) and drafts judged. A value judged twice
     * in a week counts twice; the per-field tables count the latest state.
     *
     * @param start          the Monday 00:00 UTC the week starts at
     * @param judged         field judgements recorded in the week
     * @param corrected      of them, corrections and shadow disagreements
     * @param correctionRate corrected over judged
     * @param draftsJudged   draft judgements recorded in the week
     * @param draftsUsed     of them, drafts used
     */
    public record Week(Instant start, long decisions, long judged, long corrected, Double correctionRate,
                       long draftsJudged, long draftsUsed, Double draftUsedRate) {
    }

    /** What a recommendation asks for. */
    public enum Action {
        /** Acceptance met the target at and above {@code threshold}: the field can be written with AUTO ≥ threshold. */
        READY_FOR_AUTO,
        /** Acceptance misses the target overall but meets it at and above {@code threshold}: raise it. */
        RAISE_THRESHOLD,
        /** Acceptance is well above the target while we abstain often: a lower threshold would cover more. */
        LOWER_THRESHOLD,
        /** Acceptance misses the target at every threshold: keep SUGGEST (or OFF) and retrain. */
        KEEP_SUGGEST,
        /** Agents mark the category bad often: look at its tickets. */
        REVIEW_FEEDBACK
    }

    /**
     * One suggested change of the write-back policy.
     *
     * @param threshold   the confidence threshold it suggests, or null
     * @param samples     the judged outcomes it rests on
     * @param acceptance  acceptance at and above {@code threshold} (overall when null)
     * @param coverage    the share of judged values at and above {@code threshold}, or null
     */
    public record Recommendation(String field, String category, Action action, Double threshold, long samples,
                                 Double acceptance, Double coverage, String reason) {
    }

    public static KpiReportBuilder builder() {
        return new KpiReportBuilder();
    }

    /** The report as JSON (one object; rates without a denominator are absent). */
    public String toJson() {
        return JsonCodec.toJson(this);
    }

    /** The report as plain-text tables for a terminal. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append("DeskAssist report").append(since == null ? "" : " since " + since)
                .append(until == null ? "" : " (latest record " + until + ")").append('\n');
        b.append(String.format(Locale.ROOT, "decisions %d (shadow %d) on %d tickets; outcomes %d; feedback good %d, "
                        + "bad %d%n", totals.decisions(), totals.shadowDecisions(), totals.tickets(), totals.outcomes(),
                totals.feedbackGood(), totals.feedbackBad()));
        b.append("write-back: ");
        totals.byOutcome().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> b.append(e.getKey().toLowerCase(Locale.ROOT)).append(' ').append(e.getValue()).append("  "));
        b.append("\n\n");

        b.append(String.format(Locale.ROOT, "%-12s %-16s %8s %8s %8s %8s %8s %8s %8s%n", "field", "category",
                "decided", "abstain", "judged", "accept", "correct", "shadow", "agree"));
        for (FieldStats f : fields) {
            if (!f.category().equals(ALL) && f.abstained() == 0 && judged(f) == 0) {
                continue; // a category row with nothing to say; the JSON has it
            }
            b.append(String.format(Locale.ROOT, "%-12s %-16s %8d %8s %8d %8s %8s %8d %8s%n", cut(f.field(), 12),
                    cut(f.category(), 16), f.decided(), pct(f.abstentionRate()), f.kept() + f.corrected(),
                    pct(f.acceptanceRate()), pct(f.correctionRate()), f.agreed() + f.disagreed(),
                    pct(f.shadowAgreement())));
        }
        b.append('\n');
        b.append(String.format(Locale.ROOT, "%-16s %8s %8s %8s %8s %8s%n", "category", "decided", "escal.",
                "good", "bad", "drafts"));
        for (CategoryStats c : categories) {
            b.append(String.format(Locale.ROOT, "%-16s %8d %8s %8d %8d %8s%n", cut(c.category(), 16), c.decisions(),
                    pct(c.escalationRate()), c.feedbackGood(), c.feedbackBad(),
                    c.draftsUsed() + "/" + c.draftsOffered()));
        }
        b.append('\n');
        draftLine(b, "drafts", drafts);
        draftLine(b, "shadow drafts", shadowDrafts);
        b.append(String.format(Locale.ROOT, "automatic replies: %d sent, %d reopened, %d followed up; reopen rate %s%n",
                autoReplies.sent(), autoReplies.reopened(), autoReplies.followedUp(), pct(autoReplies.reopenRate())));
        b.append(String.format(Locale.ROOT, "LLM: %d calls in %d decisions %s; estimated cost %.2f (%.4f per call%s)%n",
                llm.calls(), llm.decisionsWithLlm(), llm.callsByModel().isEmpty() ? "" : llm.callsByModel(),
                llm.estimatedCost(), llm.costPerCall(), llm.costPerCall() == 0 ? ", pass a price to estimate" : ""));
        b.append(firstResponse.tickets() == 0 ? "first response: no timestamps\n"
                : String.format(Locale.ROOT, "first response: median %s, 90%% within %s (%d tickets)%n",
                duration(firstResponse.medianSeconds(), "-"), duration(firstResponse.p90Seconds(), "-"),
                firstResponse.tickets()));
        b.append('\n');
        if (recommendations.isEmpty()) {
            b.append(String.format(Locale.ROOT, "recommendations: none yet (need %d judged outcomes per field and "
                    + "category)%n", settings.minSamples()));
        } else {
            b.append(String.format(Locale.ROOT, "recommendations (target %s):%n", pct(settings.precisionTarget())));
            for (Recommendation r : recommendations) {
                b.append(String.format(Locale.ROOT, "  %-16s %-10s %-16s %s%n", r.action(), cut(r.field(), 10),
                        cut(r.category(), 16), r.reason()));
            }
        }
        AuditLog.Problems p = input;
        b.append(String.format(Locale.ROOT, "%ninput: %d lines; not used: %d malformed, %d unknown type, %d invalid, "
                        + "%d duplicate, %d before the period; noticed: %d other version, %d unknown fields, "
                        + "%d out of order%n", p.lines(), p.malformed(), p.unknownType(), p.invalid(), p.duplicates(),
                p.beforeSince(), p.otherVersion(), p.unknownFields(), p.outOfOrder()));
        return b.toString();
    }

    private static void draftLine(StringBuilder b, String name, DraftUsage d) {
        b.append(String.format(Locale.ROOT, "%s: %d offered, %d followed by an agent reply: used %s, edited %s, "
                        + "ignored %s, mean similarity %s%n", name, d.offered(), d.judged(), pct(d.usedRate()),
                pct(d.editedRate()), pct(d.ignoredRate()),
                d.meanScore() == null ? "-" : String.format(Locale.ROOT, "%.2f", d.meanScore())));
    }

    /** Values of the field humans judged, live (kept, corrected) and shadow (agreed, disagreed). */
    static long judged(FieldStats f) {
        return f.kept() + f.corrected() + f.agreed() + f.disagreed();
    }

    static String pct(Double rate) {
        return rate == null ? "-" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    private static String cut(String s, int n) {
        if (s == null) {
            return "-";
        }
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    /** Minutes, hours or days; {@code none} when unknown. */
    static String duration(Long seconds, String none) {
        if (seconds == null) {
            return none;
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 86_400) {
            return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
        }
        return String.format(Locale.ROOT, "%.1f d", seconds / 86_400.0);
    }
}
