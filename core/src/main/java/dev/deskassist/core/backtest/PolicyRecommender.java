package dev.deskassist.core.backtest;

import dev.deskassist.core.writeback.WriteBackPolicy;
import dev.deskassist.core.writeback.WriteMode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Turns a backtest's recommendations into a write-back policy: each compared field gets the rule
 * its figures earned; everything else (tags, notes, language, draft rule) stays as in the base
 * policy. A public-reply category stays only if its own category figures earned AUTO, and the
 * minimum confidence for public replies is raised to the highest such category threshold.
 */
public final class PolicyRecommender {

    private PolicyRecommender() {
    }

    public static WriteBackPolicy recommend(WriteBackPolicy base, BacktestResult result) {
        WriteBackPolicy.Builder b = base.toBuilder();
        for (FieldReport f : result.fields()) {
            b.rule(f.field().output(), f.recommendation().rule());
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
}
