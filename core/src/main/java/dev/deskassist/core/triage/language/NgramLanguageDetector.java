package dev.deskassist.core.triage.language;

import dev.deskassist.core.model.Decision;
import dev.deskassist.core.triage.LanguageDetector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Offline language detector for de, en, fr, es, it, nl, pt and pl: a naive-Bayes score over
 * character 1-3-grams and whole words, with profiles built from small hand-written corpora at
 * first use. Deterministic, allocation-light, and good on a single short sentence. It answers
 * "no value" with a reason for empty text, text without letters, binary data, a script other than
 * Latin, text that fits no supported language, and a too-close call.
 *
 * <p>Thread-safe; build one and share it. {@code new NgramLanguageDetector()} considers every
 * supported language; {@link #builder()} restricts the candidates or changes the limits.
 */
public final class NgramLanguageDetector implements LanguageDetector {

    /** Every language this detector knows, as ISO 639-1 codes. */
    public static final List<String> SUPPORTED = LanguageProfiles.LANGUAGES;

    static final String NAME = "ngram-language";

    // Relative trust in each feature kind: a whole known word says more than a letter.
    private static final float[] WEIGHTS = {0.3f, 0.6f, 1.0f, 1.5f};

    private final LanguageProfiles profiles;
    private final int[] candidates;
    private final int maxChars;
    private final int minLetters;
    private final double minConfidence;
    private final double minFit;

    /** A detector over all {@link #SUPPORTED} languages with the default limits. */
    public NgramLanguageDetector() {
        this(builder());
    }

    private NgramLanguageDetector(Builder b) {
        this.profiles = LanguageProfiles.defaults();
        Set<String> wanted = b.languages.isEmpty() ? new LinkedHashSet<>(SUPPORTED) : b.languages;
        this.candidates = wanted.stream().mapToInt(SUPPORTED::indexOf).toArray();
        this.maxChars = b.maxChars;
        this.minLetters = b.minLetters;
        this.minConfidence = b.minConfidence;
        this.minFit = b.minFit;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The candidate languages of this detector, in profile order. */
    public List<String> languages() {
        List<String> out = new ArrayList<>();
        for (int c : candidates) {
            out.add(SUPPORTED.get(c));
        }
        return List.copyOf(out);
    }

    @Override
    public Decision<String> detect(String text) {
        if (text == null || text.isBlank()) {
            return Decision.none(NAME, "no text");
        }
        TextFeatures f = TextFeatures.of(text, maxChars);
        Decision<String> refusal = refuse(f);
        if (refusal != null) {
            return refusal;
        }
        Scores s = score(f);
        int best = -1;
        int second = -1;
        for (int c : candidates) {
            if (best < 0 || s.total[c] > s.total[best]) {
                second = best;
                best = c;
            } else if (second < 0 || s.total[c] > s.total[second]) {
                second = c;
            }
        }
        double confidence = confidence(s, best);
        double fit = s.trigrams == 0 ? 0 : (double) s.hits[best] / s.trigrams;
        String code = SUPPORTED.get(best);
        List<String> reasons = new ArrayList<>(4);
        if (fit < minFit - 0.2 || (s.knownWords[best] == 0 && fit < minFit)) {
            reasons.add(String.format(Locale.ROOT, "text fits no supported language (best %s: %.0f%% known letter "
                    + "sequences, %d known words)", code, fit * 100, s.knownWords[best]));
            return new Decision<>(null, 0.0, reasons, NAME);
        }
        String runnerUp = second < 0 ? "none" : String.format(Locale.ROOT, "%s %.2f", SUPPORTED.get(second),
                confidenceOf(s, second));
        if (confidence < minConfidence) {
            reasons.add(String.format(Locale.ROOT, "too close to call: %s %.2f vs %s", code, confidence, runnerUp));
            return new Decision<>(null, confidence, reasons, NAME);
        }
        reasons.add(String.format(Locale.ROOT, "%s with %.2f; runner-up %s", code, confidence, runnerUp));
        String cues = cues(f, best, second);
        if (!cues.isEmpty()) {
            reasons.add(cues);
        }
        if (f.scannedChars < text.length()) {
            reasons.add("analysed the first " + f.scannedChars + " of " + text.length() + " chars");
        }
        return new Decision<>(code, confidence, reasons, NAME);
    }

    private Decision<String> refuse(TextFeatures f) {
        int visible = f.latinLetters + f.foreignLetters + f.otherVisible + f.controlChars;
        if (f.controlChars * 10 > visible) {
            return Decision.none(NAME, "looks like binary data (" + f.controlChars + " control or replacement chars)");
        }
        if (f.foreignLetters > f.latinLetters) {
            return Decision.none(NAME, "script " + f.foreignScript + " is not supported");
        }
        if (f.latinLetters == 0) {
            return Decision.none(NAME, "no letters (only digits, punctuation or symbols such as emoji)");
        }
        if (f.latinLetters < minLetters) {
            return Decision.none(NAME, "too short: " + f.latinLetters + " letters, need " + minLetters);
        }
        return null;
    }

    /** Per-language log scores and how many features each language knew. */
    private static final class Scores {
        final double[] total;
        final int[] hits;
        final int[] knownWords;
        int trigrams;
        int features;

        Scores(int n) {
            total = new double[n];
            hits = new int[n];
            knownWords = new int[n];
        }
    }

    private Scores score(TextFeatures f) {
        int n = profiles.languages;
        Scores s = new Scores(n);
        FeatureTable table = profiles.table;
        float[] lp = table.logProbs();
        float[][] floor = profiles.floor;
        int[] cand = candidates;
        char[] b = f.buf;
        int wordStart = -1;
        for (int i = 0; i < f.length; i++) {
            char c = b[i];
            if (c != TextFeatures.BOUNDARY) {
                add(s, table.find(TextFeatures.unigram(c)), LanguageProfiles.UNIGRAM, lp, floor, cand, null);
            }
            if (i >= 1) {
                add(s, table.find(TextFeatures.bigram(b[i - 1], c)), LanguageProfiles.BIGRAM, lp, floor, cand, null);
            }
            if (i >= 2) {
                s.trigrams++;
                add(s, table.find(TextFeatures.trigram(b[i - 2], b[i - 1], c)), LanguageProfiles.TRIGRAM, lp, floor,
                        cand, s.hits);
            }
            if (TextFeatures.isWordChar(c)) {
                if (wordStart < 0) {
                    wordStart = i;
                }
            } else if (wordStart >= 0) {
                int end = c == TextFeatures.APOSTROPHE ? i + 1 : i;
                add(s, table.find(TextFeatures.wordKey(b, wordStart, end)), LanguageProfiles.WORD, lp, floor, cand,
                        s.knownWords);
                wordStart = -1;
            }
        }
        return s;
    }

    private static void add(Scores s, int offset, int order, float[] lp, float[][] floor, int[] cand, int[] hits) {
        if (offset < 0) {
            // no language has seen it: it cannot tell them apart
            return;
        }
        s.features++;
        float w = WEIGHTS[order];
        float[] fl = floor[order];
        for (int c : cand) {
            float v = lp[offset + c];
            s.total[c] += w * v;
            if (hits != null && v > fl[c]) {
                hits[c]++;
            }
        }
    }

    /**
     * Posterior of {@code lang} among the candidates, with the log scores damped by the square root
     * of the feature count: raw naive Bayes treats overlapping n-grams as independent evidence and
     * would claim certainty after a few words.
     */
    private double confidenceOf(Scores s, int lang) {
        double damp = 1.6 / Math.sqrt(Math.max(1, s.features));
        double sum = 0;
        for (int c : candidates) {
            sum += Math.exp((s.total[c] - s.total[lang]) * damp);
        }
        return 1.0 / sum;
    }

    private double confidence(Scores s, int best) {
        return Math.min(1.0, Math.max(0.0, confidenceOf(s, best)));
    }

    /** Names the words and letters that favour the winner most over the runner-up. */
    private String cues(TextFeatures f, int best, int second) {
        if (second < 0) {
            return "";
        }
        FeatureTable table = profiles.table;
        float[] lp = table.logProbs();
        char[] b = f.buf;
        List<String> words = new ArrayList<>(3);
        Set<Character> letters = new LinkedHashSet<>();
        int wordStart = -1;
        for (int i = 0; i < f.length && (words.size() < 3 || letters.size() < 3); i++) {
            char c = b[i];
            if (TextFeatures.isWordChar(c)) {
                if (wordStart < 0) {
                    wordStart = i;
                }
                int u = table.find(TextFeatures.unigram(c));
                if (c >= 0x80 && u >= 0 && lp[u + best] > profiles.floor[LanguageProfiles.UNIGRAM][best]
                        && lp[u + second] <= profiles.floor[LanguageProfiles.UNIGRAM][second] && letters.size() < 3) {
                    letters.add(c);
                }
            } else if (wordStart >= 0) {
                int end = c == TextFeatures.APOSTROPHE ? i + 1 : i;
                int w = table.find(TextFeatures.wordKey(b, wordStart, end));
                if (w >= 0 && lp[w + best] - lp[w + second] > 1.0f && words.size() < 3) {
                    String word = new String(b, wordStart, end - wordStart);
                    if (!words.contains(word)) {
                        words.add(word);
                    }
                }
                wordStart = -1;
            }
        }
        StringBuilder sb = new StringBuilder();
        if (!words.isEmpty()) {
            sb.append("words typical of ").append(SUPPORTED.get(best)).append(": ").append(String.join(", ", words));
        }
        if (!letters.isEmpty()) {
            sb.append(sb.length() > 0 ? "; " : "").append("letters ").append(letters);
        }
        return sb.toString();
    }

    /**
     * Options of a {@link NgramLanguageDetector}. The defaults suit one ticket body: all
     * languages, the first 500 chars, at least 3 letters, confidence at least 0.5.
     */
    public static final class Builder {
        private final Set<String> languages = new LinkedHashSet<>();
        private int maxChars = 500;
        private int minLetters = 3;
        private double minConfidence = 0.5;
        private double minFit = 0.65;

        private Builder() {
        }

        /** Restricts the candidates to these ISO 639-1 codes (each must be in {@link #SUPPORTED}). */
        public Builder languages(String... codes) {
            for (String c : codes) {
                String code = Objects.requireNonNull(c, "language code").toLowerCase(Locale.ROOT);
                if (!SUPPORTED.contains(code)) {
                    throw new IllegalArgumentException("unsupported language '" + c + "'; supported: " + SUPPORTED);
                }
                languages.add(code);
            }
            return this;
        }

        /** How many chars of a text to analyse; longer texts are cut, which bounds the cost. */
        public Builder maxChars(int maxChars) {
            if (maxChars < 16) {
                throw new IllegalArgumentException("maxChars must be at least 16, was " + maxChars);
            }
            this.maxChars = maxChars;
            return this;
        }

        /** Texts with fewer Latin letters get no answer. */
        public Builder minLetters(int minLetters) {
            if (minLetters < 1) {
                throw new IllegalArgumentException("minLetters must be at least 1, was " + minLetters);
            }
            this.minLetters = minLetters;
            return this;
        }

        /** Below this confidence the detector answers "no value" rather than guess. */
        public Builder minConfidence(double minConfidence) {
            if (!(minConfidence >= 0 && minConfidence <= 1)) {
                throw new IllegalArgumentException("minConfidence must be in [0,1], was " + minConfidence);
            }
            this.minConfidence = minConfidence;
            return this;
        }

        /**
         * Share of a text's trigrams the best language must know for the text to count as that
         * language when none of its words is known (0.2 less suffices when some are); guards
         * against unsupported Latin-script languages and random letters.
         */
        public Builder minFit(double minFit) {
            if (!(minFit >= 0 && minFit <= 1)) {
                throw new IllegalArgumentException("minFit must be in [0,1], was " + minFit);
            }
            this.minFit = minFit;
            return this;
        }

        public NgramLanguageDetector build() {
            return new NgramLanguageDetector(this);
        }
    }
}
