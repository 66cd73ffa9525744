package dev.deskassist.core.triage.rules;

import dev.deskassist.core.Decimals;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.triage.IntentModel;
import dev.deskassist.core.triage.IntentModel.ScoredLabel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Chooses a ticket's category from an optional trained {@link IntentModel} and the
 * {@link Taxonomy}'s rules:
 *
 * <ol>
 *   <li>a forcing rule that fires decides (the first category in taxonomy order wins);</li>
 *   <li>otherwise each boosting rule that fires multiplies its category's odds by e<sup>weight</sup>
 *       and the model's calibrated probabilities are renormalized;</li>
 *   <li>without a model, rules alone decide: confidence is 1 - e<sup>-(w1 - w2)</sup> for the
 *       boost totals w1 of the best and w2 of the second category;</li>
 *   <li>below the abstain threshold there is no category and the reason reads
 *       "needs human triage (top: billing 0.41 &lt; 0.55)".</li>
 * </ol>
 *
 * The first reason always says who decided: model, rule(s), or both. Thread-safe.
 */
public final class CategoryDecider {

    private final Taxonomy taxonomy;
    private final IntentModel model;
    private final double abstainThreshold;
    private final double forcedConfidence;

    private CategoryDecider(Builder b) {
        this.taxonomy = Objects.requireNonNull(b.taxonomy, "taxonomy");
        this.model = b.model;
        this.abstainThreshold = b.abstainThreshold;
        this.forcedConfidence = b.forcedConfidence;
    }

    public static Builder builder(Taxonomy taxonomy) {
        return new Builder(taxonomy);
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public double abstainThreshold() {
        return abstainThreshold;
    }

    /**
     * Decides the category of {@code text} (already folded as {@code folded}) written in
     * {@code language} ({@code null} or "und" when unknown: rules of every language apply).
     */
    public Decision<String> decide(String text, FoldedText folded, String language) {
        if (folded.letterCount() == 0) {
            return Decision.none("rules", "needs human triage (no words to classify)");
        }
        List<Taxonomy.FiredRule> fired = taxonomy.fire(text, folded, language);
        for (Taxonomy.FiredRule f : fired) {
            if (f.rule().force()) {
                List<String> reasons = new ArrayList<>();
                reasons.add("decided by rule " + f.rule().id() + ": forces " + f.category().id() + " (" + f.matched() + ")");
                for (Taxonomy.FiredRule other : fired) {
                    if (other != f && other.rule().force() && !other.category().id().equals(f.category().id())) {
                        reasons.add("forcing rule " + other.rule().id() + " for " + other.category().id()
                                + " also fired; " + f.category().id() + " comes first in the taxonomy");
                    }
                }
                return Decision.of(f.category().id(), forcedConfidence, "rule", reasons);
            }
        }
        Map<String, Double> boost = new LinkedHashMap<>();
        for (Taxonomy.FiredRule f : fired) {
            boost.merge(f.category().id(), f.rule().weight(), Double::sum);
        }
        return model == null ? rulesOnly(fired, boost) : withModel(text, fired, boost);
    }

    private Decision<String> rulesOnly(List<Taxonomy.FiredRule> fired, Map<String, Double> boost) {
        if (boost.isEmpty()) {
            return Decision.none("rules", "needs human triage (no model and no rule matched)");
        }
        String top = null;
        double w1 = 0;
        double w2 = 0;
        for (Map.Entry<String, Double> e : boost.entrySet()) {
            if (e.getValue() > w1) {
                w2 = w1;
                w1 = e.getValue();
                top = e.getKey();
            } else if (e.getValue() > w2) {
                w2 = e.getValue();
            }
        }
        double conf = 1.0 - Math.exp(-(w1 - w2));
        List<String> reasons = new ArrayList<>();
        if (w1 == w2) {
            List<String> tied = new ArrayList<>();
            for (Map.Entry<String, Double> e : boost.entrySet()) {
                if (e.getValue() == w1) {
                    tied.add(e.getKey());
                }
            }
            reasons.add("needs human triage (rules tie between " + String.join(", ", tied) + ")");
            reasons.add("decided by rules (no model)");
            fired.forEach(f -> reasons.add(describeBoost(f)));
            return new Decision<>(null, 0.0, reasons, "rules");
        }
        reasons.add("decided by rules (no model)");
        fired.forEach(f -> reasons.add(describeBoost(f)));
        return finish(top, conf, reasons, "rules");
    }

    private static String describeBoost(Taxonomy.FiredRule f) {
        return "rule " + f.rule().id() + " boosts " + f.category().id() + " by " + fmt(f.rule().weight()) + " ("
                + f.matched() + ")";
    }

    private Decision<String> withModel(String text, List<Taxonomy.FiredRule> fired, Map<String, Double> boost) {
        IntentModel.Ranking ranking = model.rank(text);
        List<ScoredLabel> predicted = ranking.labels();
        if (predicted == null || predicted.isEmpty()) {
            return rulesOnly(fired, boost);
        }
        ScoredLabel modelTop = predicted.get(0);
        double sum = 0;
        Map<String, Double> combined = new LinkedHashMap<>();
        for (ScoredLabel s : predicted) {
            double p = s.probability() * Math.exp(boost.getOrDefault(s.label(), 0.0));
            combined.put(s.label(), p);
            sum += p;
        }
        String top = modelTop.label();
        double best = -1;
        for (Map.Entry<String, Double> e : combined.entrySet()) {
            if (e.getValue() > best) {
                best = e.getValue();
                top = e.getKey();
            }
        }
        double conf = sum > 0 ? best / sum : 0.0;
        boolean rulesCounted = false;
        for (Taxonomy.FiredRule f : fired) {
            rulesCounted |= combined.containsKey(f.category().id());
        }
        List<String> reasons = new ArrayList<>();
        String by;
        if (!rulesCounted) {
            by = "model";
            reasons.add("decided by model " + model.version());
        } else {
            by = "model+rules";
            reasons.add("decided by model " + model.version() + " and rules"
                    + (top.equals(modelTop.label()) ? "" : " (rules changed the model's choice)"));
        }
        String second = predicted.size() > 1 ? ", next " + predicted.get(1).label() + " " + fmt(predicted.get(1).probability())
                : "";
        reasons.add("model: " + modelTop.label() + " " + fmt(modelTop.probability()) + second);
        reasons.addAll(ranking.notes());
        for (Taxonomy.FiredRule f : fired) {
            if (combined.containsKey(f.category().id())) {
                reasons.add("rule " + f.rule().id() + " boosts " + f.category().id() + " ×"
                        + fmt(Math.exp(f.rule().weight())) + " (" + f.matched() + ")");
            } else {
                reasons.add("rule " + f.rule().id() + " fired for " + f.category().id()
                        + ", a category the model does not know; ignored");
            }
        }
        if (rulesCounted) {
            reasons.add("combined: " + top + " " + fmt(conf));
        }
        return finish(top, conf, reasons, by);
    }

    private Decision<String> finish(String top, double conf, List<String> reasons, String by) {
        conf = Math.max(0.0, Math.min(1.0, conf));
        if (conf < abstainThreshold) {
            List<String> r = new ArrayList<>();
            r.add("needs human triage (top: " + top + " " + fmt(conf) + " < " + fmt(abstainThreshold) + ")");
            r.addAll(reasons);
            return new Decision<>(null, 0.0, r, by);
        }
        if (taxonomy.category(top).isEmpty()) {
            reasons.add("category " + top + " is not in taxonomy " + taxonomy.version());
        }
        return Decision.of(top, conf, by, reasons);
    }

    static String fmt(double d) {
        return Decimals.twoPlaces(d);
    }

    @Override
    public String toString() {
        return "CategoryDecider[model=" + (model == null ? "none" : model.version()) + ", abstain<" + abstainThreshold + "]";
    }

    /** Configures a {@link CategoryDecider}. */
    public static final class Builder {
        private final Taxonomy taxonomy;
        private IntentModel model;
        private double abstainThreshold = 0.55;
        private double forcedConfidence = 0.95;

        private Builder(Taxonomy taxonomy) {
            this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
        }

        /** The trained classifier; {@code null} (the default) means rules only. */
        public Builder model(IntentModel model) {
            this.model = model;
            return this;
        }

        /** Below this confidence there is no category ("needs human triage"). Default 0.55. */
        public Builder abstainThreshold(double threshold) {
            if (!(threshold >= 0.0 && threshold <= 1.0)) {
                throw new IllegalArgumentException("abstain threshold must be in [0,1], was " + threshold);
            }
            this.abstainThreshold = threshold;
            return this;
        }

        /** The confidence reported when a forcing rule decides. Default 0.95. */
        public Builder forcedConfidence(double confidence) {
            if (!(confidence >= 0.0 && confidence <= 1.0)) {
                throw new IllegalArgumentException("forced confidence must be in [0,1], was " + confidence);
            }
            this.forcedConfidence = confidence;
            return this;
        }

        public CategoryDecider build() {
            return new CategoryDecider(this);
        }
    }
}
