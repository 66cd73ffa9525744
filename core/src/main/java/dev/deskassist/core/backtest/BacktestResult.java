package dev.deskassist.core.backtest;

import dev.deskassist.core.writeback.WriteBackPolicy;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Objects;

/**
 * Everything a backtest found: how the tickets were split, what in the input could skew the
 * figures, per field and value the accuracy and precision/coverage curves with a recommendation,
 * how drafts compare with the agents' replies, per-language figures, and the recommended
 * write-back policy. Ids, labels, counts and scores only; no ticket text.
 */
public record BacktestResult(double precisionTarget, int minSupport, SplitSummary split, DataQuality quality,
                             List<FieldReport> fields, DraftReport draft, List<LanguageReport> languages,
                             WriteBackPolicy currentPolicy, WriteBackPolicy recommendedPolicy) {

    public BacktestResult {
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(quality, "quality");
        fields = List.copyOf(fields);
        languages = List.copyOf(languages);
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(currentPolicy, "currentPolicy");
        Objects.requireNonNull(recommendedPolicy, "recommendedPolicy");
    }

    /**
     * How the current policy's rule for {@code field} would have fared: the curve's point at its
     * AUTO threshold, or empty when the rule is not AUTO.
     */
    public java.util.Optional<ThresholdPoint> underCurrentPolicy(BacktestField field) {
        var rule = currentPolicy.rule(field.output());
        return rule.mode() == dev.deskassist.core.writeback.WriteMode.AUTO ? field(field).at(rule.autoThreshold())
                : java.util.Optional.empty();
    }

    public FieldReport field(BacktestField field) {
        return fields.stream().filter(f -> f.field() == field).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no report for " + field));
    }

    BacktestResult withRecommendedPolicy(WriteBackPolicy policy) {
        return new BacktestResult(precisionTarget, minSupport, split, quality, fields, draft, languages, currentPolicy,
                policy);
    }

    /** The whole result as JSON; NaN figures (nothing to measure) are {@code null}. */
    public JsonObject toJson() {
        JsonObjectBuilder root = Json.createObjectBuilder()
                .add("precisionTarget", precisionTarget)
                .add("minSupport", minSupport);
        JsonObjectBuilder s = Json.createObjectBuilder()
                .add("timeSplit", split.timeSplit())
                .add("scoredFraction", split.scoredFraction())
                .add("trainedOn", split.trainedOn())
                .add("scored", split.scored())
                .add("model", split.model());
        instant(s, "cutoff", split.cutoff());
        instant(s, "first", split.first());
        instant(s, "last", split.last());
        root.add("split", s);

        ReadSummary r = quality.read();
        JsonObjectBuilder read = Json.createObjectBuilder()
                .add("format", r.format() == null ? "" : r.format().id())
                .add("records", r.records())
                .add("tickets", r.tickets())
                .add("malformed", r.malformed())
                .add("missingId", r.missingId())
                .add("truncated", r.truncated())
                .add("truncation", r.truncation())
                .add("unknownColumns", strings(r.unknownColumns()))
                .add("textsCut", r.textsCut())
                .add("unreadableTimes", r.unreadableTimes())
                .add("notes", strings(r.notes()));
        JsonObjectBuilder unknown = Json.createObjectBuilder();
        quality.unknownCategories().forEach(unknown::add);
        root.add("quality", Json.createObjectBuilder()
                .add("read", read)
                .add("duplicates", quality.duplicates())
                .add("outOfOrder", quality.outOfOrder())
                .add("missingCreatedAt", quality.missingCreatedAt())
                .add("withoutText", quality.withoutText())
                .add("withoutAnyDecision", quality.withoutAnyDecision())
                .add("unknownCategories", unknown)
                .add("failed", quality.failed())
                .add("notes", strings(quality.notes())));

        JsonArrayBuilder fa = Json.createArrayBuilder();
        for (FieldReport f : fields) {
            JsonObjectBuilder o = Json.createObjectBuilder()
                    .add("field", f.field().id())
                    .add("labeled", f.labeled())
                    .add("unlabeled", f.unlabeled())
                    .add("abstained", f.abstained())
                    .add("correct", f.correct());
            number(o, "accuracy", f.accuracy());
            o.add("recommendation", recommendation(f.recommendation()));
            var rule = currentPolicy.rule(f.field().output());
            JsonObjectBuilder cur = Json.createObjectBuilder().add("mode", rule.mode().name());
            underCurrentPolicy(f.field()).ifPresent(p -> {
                cur.add("threshold", rule.autoThreshold()).add("covered", p.covered());
                number(cur, "precision", p.precision());
                number(cur, "coverage", p.coverage());
            });
            o.add("currentPolicy", cur);
            o.add("curve", curve(f.curve()));
            JsonArrayBuilder va = Json.createArrayBuilder();
            for (ValueReport v : f.values()) {
                JsonObjectBuilder vo = Json.createObjectBuilder()
                        .add("value", v.value())
                        .add("human", v.humanCount())
                        .add("predicted", v.predictedCount())
                        .add("correct", v.correct());
                number(vo, "precision", v.precision());
                number(vo, "recall", v.recall());
                vo.add("recommendation", recommendation(v.recommendation()));
                vo.add("curve", curve(v.curve()));
                va.add(vo);
            }
            o.add("values", va);
            JsonObjectBuilder bc = Json.createObjectBuilder();
            f.byCategory().forEach((cat, rec) -> bc.add(cat, recommendation(rec)));
            o.add("byCategory", bc);
            fa.add(o);
        }
        root.add("fields", fa);

        JsonArrayBuilder hist = Json.createArrayBuilder();
        draft.histogram().forEach(hist::add);
        JsonObjectBuilder byCat = Json.createObjectBuilder();
        draft.meanSimilarityByCategory().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> number(byCat, e.getKey(), e.getValue()));
        JsonObjectBuilder d = Json.createObjectBuilder()
                .add("scored", draft.scored())
                .add("drafted", draft.drafted())
                .add("withAgentReply", draft.withAgentReply())
                .add("compared", draft.compared());
        number(d, "meanSimilarity", draft.meanSimilarity());
        number(d, "medianSimilarity", draft.medianSimilarity());
        d.add("similarityHistogram", hist)
                .add("draftsCiting", draft.draftsCiting())
                .add("citationMatched", draft.citationMatched());
        number(d, "citationMatchRate", draft.citationMatchRate());
        d.add("meanSimilarityByCategory", byCat);
        root.add("draft", d);

        JsonArrayBuilder la = Json.createArrayBuilder();
        for (LanguageReport l : languages) {
            JsonObjectBuilder lo = Json.createObjectBuilder()
                    .add("language", l.language())
                    .add("tickets", l.tickets())
                    .add("categoryLabeled", l.categoryLabeled())
                    .add("categoryCorrect", l.categoryCorrect());
            number(lo, "categoryAccuracy", l.categoryAccuracy());
            la.add(lo);
        }
        root.add("languages", la);
        root.add("recommendedPolicy", Json.createReader(new java.io.StringReader(PolicyFiles.toJson(recommendedPolicy)))
                .readObject());
        return root.build();
    }

    private static JsonObjectBuilder recommendation(Recommendation r) {
        JsonObjectBuilder o = Json.createObjectBuilder().add("mode", r.mode().name());
        if (r.mode() == dev.deskassist.core.writeback.WriteMode.AUTO) {
            o.add("threshold", r.threshold());
        }
        number(o, "precision", r.precision());
        number(o, "coverage", r.coverage());
        return o.add("support", r.support()).add("reason", r.reason());
    }

    private static JsonArrayBuilder curve(List<ThresholdPoint> points) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (ThresholdPoint p : points) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("threshold", p.threshold()).add("covered", p.covered())
                    .add("correct", p.correct());
            number(o, "coverage", p.coverage());
            number(o, "precision", p.precision());
            a.add(o);
        }
        return a;
    }

    private static void number(JsonObjectBuilder o, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.addNull(key);
        } else {
            o.add(key, Math.round(v * 10000) / 10000.0);
        }
    }

    private static void instant(JsonObjectBuilder o, String key, java.time.Instant v) {
        if (v == null) {
            o.addNull(key);
        } else {
            o.add(key, v.toString());
        }
    }

    private static JsonArrayBuilder strings(java.util.Collection<String> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }
}
