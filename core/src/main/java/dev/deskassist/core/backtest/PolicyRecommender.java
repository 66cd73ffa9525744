package dev.deskassist.core.backtest;

import dev.deskassist.core.writeback.OutputRule;
import dev.deskassist.core.writeback.WriteBackPolicy;
import dev.deskassist.core.writeback.WriteMode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns a backtest's recommendations into a write-back policy: each compared field gets the rule
 * its figures earned; everything else (tags, notes, language, draft rule) stays as in the base
 * policy. Each rule gets a {@linkplain OutputRule#categories() per-category override} wherever
 * the figures of a category earned another rule than the field as a whole (AUTO at its own
 * threshold, or only SUGGEST or OFF), so that a team can adopt AUTO one category at a time: for
 * the category field the figures of that category value, for the other fields those over the
 * tickets the engine put in that category.
 * A public-reply category stays only if its own category figures earned AUTO, and the minimum
 * confidence for public replies is raised to the highest such category threshold.
 */
public final class PolicyRecommender {

    private PolicyRecommender() {
    }

    /** The recommendation with overrides for every category value the backtest saw. */
    public static WriteBackPolicy recommend(WriteBackPolicy base, BacktestResult result) {
        return recommend(base, result, Set.of());
    }

    /**
     * The recommendation; per-category overrides only for the ids in {@code categories} (the
     * taxonomy's; matched ignoring case), or for every category value seen when it is empty.
     */
    public static WriteBackPolicy recommend(WriteBackPolicy base, BacktestResult result, Set<String> categories) {
        WriteBackPolicy.Builder b = base.toBuilder();
        for (FieldReport f : result.fields()) {
            OutputRule rule = f.recommendation().rule();
            for (Map.Entry<String, Recommendation> e : perCategory(f).entrySet()) {
                String id = known(e.getKey(), categories);
                OutputRule own = e.getValue().rule();
                if (id != null && !same(own, rule)) {
                    rule = rule.withCategory(id, own);
                }
            }
            b.rule(f.field().output(), rule);
        }
        Set<String> keep = new LinkedHashSet<>();
        double min = base.publicReplyMinCategoryConfidence();
        FieldReport category = result.field(BacktestField.CATEGORY);
        for (String c : base.publicReplyCategories()) {
            for (ValueReport v : category.values()) {
                if (v.value().equalsIgnoreCase(c) && v.recommendation().mode() == WriteMode.AUTO) {
                    keep.add(c);
                    min = Math.max(min, v.recommendation().threshold());
                }
            }
        }
        return b.publicReplyCategories(keep).publicReplyMinCategoryConfidence(min).build();
    }

    /**
     * The recommendation per category: for the category field those of its values, for the others
     * those over the tickets the engine put in each category.
     */
    private static Map<String, Recommendation> perCategory(FieldReport f) {
        if (f.field() != BacktestField.CATEGORY) {
            return f.byCategory();
        }
        Map<String, Recommendation> byValue = new LinkedHashMap<>();
        f.values().forEach(v -> byValue.put(v.value(), v.recommendation()));
        return byValue;
    }

    /** The taxonomy's spelling of {@code value}, or null when it is not a category id there. */
    private static String known(String value, Set<String> categories) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (categories.isEmpty()) {
            return value;
        }
        return categories.stream().filter(c -> c.equalsIgnoreCase(value)).findFirst().orElse(null);
    }

    private static boolean same(OutputRule a, OutputRule b) {
        return a.mode() == b.mode() && (a.mode() != WriteMode.AUTO || Math.abs(a.autoThreshold() - b.autoThreshold())
                < 0.005);
    }
}
