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
 * character trigrams, accented letters and whole words, with profiles built from small hand-written corpora at
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

    // Relative trust (x10) in each feature kind: a whole known word says more than a letter.
    private static final int[] WEIGHTS = {3, 10, 15};

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
            if (best < 0 || s.cost[c] < s.cost[best]) {
                second = best;
                best = c;
            } else if (second < 0 || s.cost[c] < s.cost[second]) {
                second = c;
            }
        }
        double confidence = confidenceOf(s, best);
        double fit = s.trigrams == 0 ? 0 : (double) s.hits[best] / s.trigrams;
        String code = SUPPORTED.get(best);
        List<String> reasons = new ArrayList<>(4);
        // a fifth of the words known to the language buys a lower bar for the letter sequences
        boolean wordsFit = s.knownWords[best] * 5 >= Math.max(1, s.totalWords);
        if (fit < minFit - 0.2 || (!wordsFit && fit < minFit)) {
            reasons.add("text fits no supported language (best " + code + ": " + Math.round(fit * 100)
                    + "% known letter sequences, " + s.knownWords[best] + " known words)");
            return new Decision<>(null, 0.0, reasons, NAME);
        }
        String runnerUp = second < 0 ? "none" : SUPPORTED.get(second) + " " + fmt(confidenceOf(s, second));
        if (confidence < minConfidence) {
            reasons.add("too close to call: " + code + " " + fmt(confidence) + " vs " + runnerUp);
            return new Decision<>(null, confidence, reasons, NAME);
        }
        reasons.add(code + " with " + fmt(confidence) + "; runner-up " + runnerUp);
        String cues = cues(f, s, best, second);
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

    /** Per-language costs (scaled negative log-likelihoods) and what the text had that a language knew. */
    private static final class Scores {
        /** Scaled by {@link #COST_SCALE}: weight (x10) times quantized log-probability. */
        final long[] cost;
        final int[] hits;
        final int[] knownWords;
        int trigrams;
        int features;
        int totalWords;
        // the first known words and non-ASCII letters, kept for the reasons without a second pass
        final int[] wordFrom = new int[CUE_SLOTS];
        final int[] wordTo = new int[CUE_SLOTS];
        final long[] wordPacked = new long[CUE_SLOTS];
        int words;
        final char[] letter = new char[CUE_SLOTS];
        final long[] letterPacked = new long[CUE_SLOTS];
        int letters;

        Scores() {
            cost = new long[LanguageProfiles.MAX_LANGUAGES];
            hits = new int[LanguageProfiles.MAX_LANGUAGES];
            knownWords = new int[LanguageProfiles.MAX_LANGUAGES];
        }

        double logScore(int lang) {
            return -cost[lang] * COST_SCALE;
        }
    }

    private static final int CUE_SLOTS = 32;
    private static final double COST_SCALE = FeatureTable.STEP / 10.0;

    private Scores score(TextFeatures f) {
        Scores s = new Scores();
        FeatureTable table = profiles.table;
        int[][] floor = profiles.floor;
        int[] cand = candidates;
        char[] b = f.buf;
        int wordStart = -1;
        for (int i = 0; i < f.length; i++) {
            char c = b[i];
            if (c > 0x7f && c != TextFeatures.APOSTROPHE) {
                // plain ASCII letters are covered by the trigrams; accented ones are cues of their own
                long p = table.find(TextFeatures.unigram(c));
                add(s, p, LanguageProfiles.UNIGRAM, floor, cand, null);
                if (p != FeatureTable.MISSING && s.letters < CUE_SLOTS) {
                    s.letter[s.letters] = c;
                    s.letterPacked[s.letters++] = p;
                }
            }
            if (i >= 2) {
                s.trigrams++;
                add(s, table.find(TextFeatures.trigram(b[i - 2], b[i - 1], c)), LanguageProfiles.TRIGRAM, floor,
                        cand, s.hits);
            }
            if (TextFeatures.isWordChar(c)) {
                if (wordStart < 0) {
                    wordStart = i;
                }
            } else if (wordStart >= 0) {
                int end = c == TextFeatures.APOSTROPHE ? i + 1 : i;
                s.totalWords++;
                long p = table.find(TextFeatures.wordKey(b, wordStart, end));
                add(s, p, LanguageProfiles.WORD, floor, cand, s.knownWords);
                if (p != FeatureTable.MISSING && s.words < CUE_SLOTS) {
                    s.wordFrom[s.words] = wordStart;
                    s.wordTo[s.words] = end;
                    s.wordPacked[s.words++] = p;
                }
                wordStart = -1;
            }
        }
        return s;
    }

    private static void add(Scores s, long packed, int order, int[][] floor, int[] cand, int[] hits) {
        if (packed == FeatureTable.MISSING) {
            // no language has seen it: it cannot tell them apart
            return;
        }
        s.features++;
        int w = WEIGHTS[order];
        long[] cost = s.cost;
        // every profile language, not just the candidates: a fixed-length loop the JIT unrolls
        for (int l = 0; l < LanguageProfiles.MAX_LANGUAGES; l++) {
            cost[l] += w * ((int) (packed >>> (l << 3)) & 0xff);
        }
        if (hits != null) {
            int[] fl = floor[order];
            for (int l = 0; l < LanguageProfiles.MAX_LANGUAGES; l++) {
                if (((int) (packed >>> (l << 3)) & 0xff) < fl[l]) {
                    hits[l]++;
                }
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
            sum += Math.exp((s.logScore(c) - s.logScore(lang)) * damp);
        }
        return Math.min(1.0, Math.max(0.0, 1.0 / sum));
    }

    /** Names the words and letters that favour the winner most over the runner-up. */
    private String cues(TextFeatures f, Scores s, int best, int second) {
        if (second < 0) {
            return "";
        }
        StringBuilder words = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < s.words && shown < 3; i++) {
            long p = s.wordPacked[i];
            // a clearly lower cost (at least 1 nat) in the winner than in the runner-up
            if (FeatureTable.quantized(p, second) - FeatureTable.quantized(p, best) >= 20) {
                String word = new String(f.buf, s.wordFrom[i], s.wordTo[i] - s.wordFrom[i]);
                if (words.indexOf(word) < 0) {
                    words.append(shown++ == 0 ? "" : ", ").append(word);
                }
            }
        }
        StringBuilder letters = new StringBuilder();
        int[] floor = profiles.floor[LanguageProfiles.UNIGRAM];
        for (int i = 0, n = 0; i < s.letters && n < 3; i++) {
            long p = s.letterPacked[i];
            char c = s.letter[i];
            if (FeatureTable.quantized(p, best) < floor[best] && FeatureTable.quantized(p, second) >= floor[second]
                    && letters.indexOf(String.valueOf(c)) < 0) {
                letters.append(n++ == 0 ? "" : " ").append(c);
            }
        }
        StringBuilder sb = new StringBuilder();
        if (words.length() > 0) {
            sb.append("words typical of ").append(SUPPORTED.get(best)).append(": ").append(words);
        }
        if (letters.length() > 0) {
            sb.append(sb.length() > 0 ? "; " : "").append("letters ").append(letters);
        }
        return sb.toString();
    }

    /** Two decimals without {@code String.format}, which costs more than the whole detection. */
    static String fmt(double v) {
        long h = Math.round(v * 100);
        return h / 100 + "." + (h % 100 < 10 ? "0" : "") + h % 100;
    }

    /**
     * Options of a {@link NgramLanguageDetector}. The defaults suit one ticket body: all
     * languages, the first 500 chars, at least 3 letters, confidence at least 0.5.
     */
    public static final class Builder {
        private final Set<String> languages = new LinkedHashSet<>();
        private int maxChars = 300;
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
         * language (0.2 less suffices when it knows at least a fifth of the words); guards against
         * unsupported Latin-script languages and random letters.
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
