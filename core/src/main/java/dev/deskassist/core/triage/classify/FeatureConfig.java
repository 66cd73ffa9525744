package dev.deskassist.core.triage.classify;

/**
 * How a text becomes hashed sparse features: lowercased Unicode letter/digit tokens, word
 * unigrams and bigrams, character n-grams inside each word, with sublinear TF-IDF weights and an
 * L2-normalized vector. Stored inside the model file, so a model always featurizes as it was
 * trained.
 *
 * @param wordUnigrams   use each word as a feature
 * @param wordBigrams    use each pair of adjacent words as a feature
 * @param charMinN       smallest character n-gram inside a word (with boundary marks); 0 for none
 * @param charMaxN       largest character n-gram inside a word
 * @param normalizeDigits map every digit to {@code 0}, so order numbers and amounts share features
 * @param stemSuffixes   strip a few common English and German inflection suffixes from words
 * @param sublinearTf    weight a feature by {@code 1 + ln(count)} instead of its count
 * @param idf            multiply by the smoothed inverse document frequency of the training data
 * @param charWeight     factor on character n-gram features relative to word features
 * @param maxTokens      words read from one text at most; bounds the work on long texts
 * @param minCount       features seen in fewer training texts than this are dropped
 */
public record FeatureConfig(
        boolean wordUnigrams,
        boolean wordBigrams,
        int charMinN,
        int charMaxN,
        boolean normalizeDigits,
        boolean stemSuffixes,
        boolean sublinearTf,
        boolean idf,
        float charWeight,
        int maxTokens,
        int minCount) {

    public FeatureConfig {
        if (charMinN < 0 || charMaxN < charMinN || charMaxN > 12 || (charMinN == 0 && charMaxN != 0)) {
            throw new IllegalArgumentException("character n-gram range must be 0-0 or within 1-12, not "
                    + charMinN + "-" + charMaxN);
        }
        if (!wordUnigrams && !wordBigrams && charMaxN == 0) {
            throw new IllegalArgumentException("at least one kind of feature must be enabled");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, not " + maxTokens);
        }
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1, not " + minCount);
        }
        if (!(charWeight > 0) || Float.isInfinite(charWeight)) {
            throw new IllegalArgumentException("charWeight must be positive, not " + charWeight);
        }
    }

    /** The defaults chosen by cross-validation on the Banking77 training file. */
    public static FeatureConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.wordUnigrams = wordUnigrams;
        b.wordBigrams = wordBigrams;
        b.charMinN = charMinN;
        b.charMaxN = charMaxN;
        b.normalizeDigits = normalizeDigits;
        b.stemSuffixes = stemSuffixes;
        b.sublinearTf = sublinearTf;
        b.idf = idf;
        b.charWeight = charWeight;
        b.maxTokens = maxTokens;
        b.minCount = minCount;
        return b;
    }

    /** Builds a {@link FeatureConfig}; every option starts at its default. */
    public static final class Builder {
        private boolean wordUnigrams = true;
        private boolean wordBigrams = true;
        private int charMinN = 3;
        private int charMaxN = 4;
        private boolean normalizeDigits = true;
        private boolean stemSuffixes = false;
        private boolean sublinearTf = true;
        private boolean idf = false;
        private float charWeight = 0.7f;
        private int maxTokens = 128;
        private int minCount = 1;

        private Builder() {
        }

        public Builder wordUnigrams(boolean on) {
            this.wordUnigrams = on;
            return this;
        }

        public Builder wordBigrams(boolean on) {
            this.wordBigrams = on;
            return this;
        }

        /** Character n-grams from {@code min} to {@code max} letters; {@code (0, 0)} turns them off. */
        public Builder charNgrams(int min, int max) {
            this.charMinN = min;
            this.charMaxN = max;
            return this;
        }

        public Builder normalizeDigits(boolean on) {
            this.normalizeDigits = on;
            return this;
        }

        public Builder stemSuffixes(boolean on) {
            this.stemSuffixes = on;
            return this;
        }

        public Builder sublinearTf(boolean on) {
            this.sublinearTf = on;
            return this;
        }

        public Builder idf(boolean on) {
            this.idf = on;
            return this;
        }

        public Builder charWeight(float weight) {
            this.charWeight = weight;
            return this;
        }

        public Builder maxTokens(int max) {
            this.maxTokens = max;
            return this;
        }

        public Builder minCount(int min) {
            this.minCount = min;
            return this;
        }

        public FeatureConfig build() {
            return new FeatureConfig(wordUnigrams, wordBigrams, charMinN, charMaxN, normalizeDigits,
                    stemSuffixes, sublinearTf, idf, charWeight, maxTokens, minCount);
        }
    }
}
