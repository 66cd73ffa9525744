package dev.deskassist.core.triage.classify;

import java.util.Objects;

/**
 * Settings of {@link IntentTrainer}: features, optimization and calibration. Training is
 * deterministic for a given config (including its seed) and the same data.
 *
 * @param features          how texts become features
 * @param epochs            passes over the training data
 * @param learningRate      AdaGrad base step
 * @param l2                L2 regularization strength, applied to the rows a step touches
 * @param seed              seed of every random choice (shuffling, folds, augmentation)
 * @param calibrationFolds  folds of the cross-validation on the training data whose held-out
 *                          scores fit the temperature and the abstain threshold (at least 2)
 * @param targetPrecision   precision on answered held-out texts that picks the abstain threshold
 * @param classBalanced     weight each label inversely to its frequency
 * @param augmentCopies     extra copies of each training text with some words dropped; helps
 *                          few-shot training, costs time
 * @param naiveBayesWeight  weight of a multinomial naive Bayes model blended into the logistic
 *                          regression; negative means: choose it by the cross-validation
 * @param naiveBayesSmoothing additive smoothing of the naive Bayes feature counts
 */
public record TrainerConfig(
        FeatureConfig features,
        int epochs,
        double learningRate,
        double l2,
        long seed,
        int calibrationFolds,
        double targetPrecision,
        boolean classBalanced,
        int augmentCopies,
        double naiveBayesWeight,
        double naiveBayesSmoothing) {

    public TrainerConfig {
        Objects.requireNonNull(features, "features");
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, not " + epochs);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be positive, not " + learningRate);
        }
        if (!(l2 >= 0)) {
            throw new IllegalArgumentException("l2 must not be negative, not " + l2);
        }
        if (calibrationFolds < 2) {
            throw new IllegalArgumentException("calibrationFolds must be at least 2, not " + calibrationFolds);
        }
        if (!(targetPrecision > 0 && targetPrecision <= 1)) {
            throw new IllegalArgumentException("targetPrecision must be in (0, 1], not " + targetPrecision);
        }
        if (Double.isNaN(naiveBayesWeight) || Double.isInfinite(naiveBayesWeight)) {
            throw new IllegalArgumentException("naiveBayesWeight must be a number, not " + naiveBayesWeight);
        }
        if (!(naiveBayesSmoothing > 0)) {
            throw new IllegalArgumentException("naiveBayesSmoothing must be positive, not " + naiveBayesSmoothing);
        }
        if (augmentCopies < 0) {
            throw new IllegalArgumentException("augmentCopies must not be negative, not " + augmentCopies);
        }
    }

    public static TrainerConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().features(features).epochs(epochs).learningRate(learningRate).l2(l2).seed(seed)
                .calibrationFolds(calibrationFolds).targetPrecision(targetPrecision).classBalanced(classBalanced)
                .augmentCopies(augmentCopies).naiveBayesWeight(naiveBayesWeight)
                .naiveBayesSmoothing(naiveBayesSmoothing);
    }

    /** Builds a {@link TrainerConfig}; every option starts at its default. */
    public static final class Builder {
        private FeatureConfig features = FeatureConfig.defaults();
        private int epochs = 5;
        private double learningRate = 0.1;
        private double l2 = 1e-5;
        private long seed = 42;
        private int calibrationFolds = 3;
        private double targetPrecision = 0.95;
        private boolean classBalanced = false;
        private int augmentCopies = 0;
        private double naiveBayesWeight = -1;
        private double naiveBayesSmoothing = 0.1;

        private Builder() {
        }

        public Builder features(FeatureConfig features) {
            this.features = features;
            return this;
        }

        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        public Builder l2(double l2) {
            this.l2 = l2;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder calibrationFolds(int folds) {
            this.calibrationFolds = folds;
            return this;
        }

        public Builder targetPrecision(double precision) {
            this.targetPrecision = precision;
            return this;
        }

        public Builder classBalanced(boolean on) {
            this.classBalanced = on;
            return this;
        }

        public Builder augmentCopies(int copies) {
            this.augmentCopies = copies;
            return this;
        }

        /** Blend weight of naive Bayes; negative (the default) chooses it by cross-validation. */
        public Builder naiveBayesWeight(double weight) {
            this.naiveBayesWeight = weight;
            return this;
        }

        public Builder naiveBayesSmoothing(double alpha) {
            this.naiveBayesSmoothing = alpha;
            return this;
        }

        public TrainerConfig build() {
            return new TrainerConfig(features, epochs, learningRate, l2, seed, calibrationFolds, targetPrecision,
                    classBalanced, augmentCopies, naiveBayesWeight, naiveBayesSmoothing);
        }
    }
}
