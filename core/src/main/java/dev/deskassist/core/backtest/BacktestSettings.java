package dev.deskassist.core.backtest;

import dev.deskassist.core.triage.classify.TrainerConfig;
import dev.deskassist.core.writeback.WriteBackPolicy;
import java.util.Objects;
import java.util.Set;

/**
 * The knobs of a backtest: the precision an AUTO rule must reach ({@code precisionTarget},
 * 95 % by default) on at least {@code minSupport} answers; below {@code suggestFloor} precision
 * a field is OFF. With {@code timeSplit} the newest {@code scoredFraction} of tickets is scored
 * and the model trained on the older ones (when at least {@code minTrainingExamples} are labeled).
 * {@code basePolicy} is the policy the recommendation starts from; {@code categories} are the
 * taxonomy's ids (human labels outside them are reported, and not trained on).
 */
public record BacktestSettings(double precisionTarget, int minSupport, double suggestFloor, boolean timeSplit,
                               double scoredFraction, int minTrainingExamples, TrainerConfig trainer,
                               WriteBackPolicy basePolicy, Set<String> categories) {

    public BacktestSettings {
        check(precisionTarget, "precisionTarget");
        check(suggestFloor, "suggestFloor");
        if (!(scoredFraction > 0.0 && scoredFraction <= 1.0)) {
            throw new IllegalArgumentException("scoredFraction must be in (0,1], was " + scoredFraction);
        }
        if (minSupport < 1 || minTrainingExamples < 2) {
            throw new IllegalArgumentException("minSupport must be >= 1 and minTrainingExamples >= 2");
        }
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(basePolicy, "basePolicy");
        categories = categories == null ? Set.of() : Set.copyOf(categories);
    }

    public static BacktestSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void check(double v, String name) {
        if (Double.isNaN(v) || v < 0.0 || v > 1.0) {
            throw new IllegalArgumentException(name + " must be in [0,1], was " + v);
        }
    }

    /** Builds {@link BacktestSettings}: 95 % target, support 30, floor 50 %, time split scoring the newest 30 %. */
    public static final class Builder {
        private double precisionTarget = 0.95;
        private int minSupport = 30;
        private double suggestFloor = 0.5;
        private boolean timeSplit = true;
        private double scoredFraction = 0.3;
        private int minTrainingExamples = 40;
        private TrainerConfig trainer = TrainerConfig.defaults();
        private WriteBackPolicy basePolicy = WriteBackPolicy.defaults();
        private Set<String> categories = Set.of();

        private Builder() {
        }

        public Builder precisionTarget(double target) {
            this.precisionTarget = target;
            return this;
        }

        public Builder minSupport(int support) {
            this.minSupport = support;
            return this;
        }

        public Builder suggestFloor(double floor) {
            this.suggestFloor = floor;
            return this;
        }

        /** Whether to train on older tickets and score the newer ones (true by default). */
        public Builder timeSplit(boolean split) {
            this.timeSplit = split;
            return this;
        }

        public Builder scoredFraction(double fraction) {
            this.scoredFraction = fraction;
            return this;
        }

        public Builder minTrainingExamples(int n) {
            this.minTrainingExamples = n;
            return this;
        }

        public Builder trainer(TrainerConfig config) {
            this.trainer = config;
            return this;
        }

        public Builder basePolicy(WriteBackPolicy policy) {
            this.basePolicy = policy;
            return this;
        }

        /** The taxonomy's category ids; empty (the default) takes the labels of the model that scores. */
        public Builder categories(Set<String> ids) {
            this.categories = ids;
            return this;
        }

        public BacktestSettings build() {
            return new BacktestSettings(precisionTarget, minSupport, suggestFloor, timeSplit, scoredFraction,
                    minTrainingExamples, trainer, basePolicy, categories);
        }
    }
}
