package dev.deskassist.core.triage.sentiment;

import dev.deskassist.core.model.Decision;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.SentimentAnalyzer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Offline, lexicon-based sentiment: sums the weights of polarity words (flipped by a nearby
 * negation, scaled by intensifiers and capitals), and reads frustration (repeated contact,
 * exclamation marks, shouting, angry words and emoji) and urgency from their own cue lists. Every
 * cue that moved a number is named in the result. Deterministic and thread-safe.
 *
 * <p>{@link #defaults()} ships lexicons for de and en (full) and fr, es, it, nl, pt, pl (basic);
 * {@link #builder()} adds or replaces a language's lexicon; {@link #withModel} adds a trained
 * {@link SentimentModel}.
 */
public final class LexiconSentimentAnalyzer implements SentimentAnalyzer {

    static final String NAME = "lexicon-sentiment";

    /** Languages with a shipped lexicon. */
    public static final List<String> SHIPPED = List.of("de", "en", "fr", "es", "it", "nl", "pt", "pl");

    private static final String RESOURCE_DIR = "/dev/deskassist/core/triage/sentiment/";
    /** How far back (in tokens, within a clause) a negation or intensifier reaches. */
    private static final int NEGATION_WINDOW = 3;
    /** German and Dutch put the negation after the verb ("gefällt mir nicht"). */
    private static final Set<String> TRAILING_NEGATION = Set.of("de", "nl");
    private static final double NEGATION_FACTOR = 0.7;
    /** Squashes the raw sum into (-1, 1); larger means more words are needed for a strong score. */
    private static final double SQUASH = 6.0;

    private static volatile LexiconSentimentAnalyzer defaults;

    private final Map<String, SentimentLexicon> lexicons;
    private final SentimentLexicon union;
    private final int maxChars;
    private final double threshold;

    private LexiconSentimentAnalyzer(Builder b) {
        SentimentLexicon common = b.common;
        Map<String, SentimentLexicon> m = new HashMap<>();
        SentimentLexicon all = common;
        for (Map.Entry<String, SentimentLexicon> e : b.lexicons.entrySet()) {
            m.put(e.getKey(), e.getValue().merge(common));
            all = all.merge(e.getValue());
        }
        this.lexicons = Map.copyOf(m);
        this.union = all;
        this.maxChars = b.maxChars;
        this.threshold = b.threshold;
    }

    /** The analyzer with every shipped lexicon; loaded once, then shared. */
    public static LexiconSentimentAnalyzer defaults() {
        LexiconSentimentAnalyzer a = defaults;
        if (a == null) {
            synchronized (LexiconSentimentAnalyzer.class) {
                a = defaults;
                if (a == null) {
                    a = builder().build();
                    defaults = a;
                }
            }
        }
        return a;
    }

    /** A builder preloaded with the shipped lexicons. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * This analyzer with a sentiment model trained on the team's own messages: the model decides
     * the polarity (blended with this lexicon at the model's weight) for the languages it was
     * trained for; frustration, urgency and other languages stay with the lexicon.
     */
    public TrainedSentimentAnalyzer withModel(SentimentModel model) {
        return new TrainedSentimentAnalyzer(model, this);
    }

    @Override
    public Decision<Sentiment> analyze(String text, String language) {
        if (text == null || text.isBlank()) {
            return Decision.none(NAME, "no text");
        }
        List<String> reasons = new ArrayList<>();
        String lang = language == null ? null : language.toLowerCase(Locale.ROOT);
        SentimentLexicon lex = lang == null ? null : lexicons.get(lang);
        if (lex == null) {
            lex = union;
            reasons.add(lang == null ? "language unknown: used every lexicon"
                    : "no lexicon for '" + lang + "': used every lexicon");
        }
        Tokens t = Tokens.of(text, maxChars);
        if (t.size() == 0) {
            return Decision.none(NAME, "no words or emoji to read");
        }
        SentimentLexicon.Entry[][] cands = new SentimentLexicon.Entry[t.size()][];
        for (int i = 0; i < cands.length; i++) {
            cands[i] = lex.candidates(t.words.get(i));
        }
        List<String> cues = new ArrayList<>();
        boolean trailing = lang != null && TRAILING_NEGATION.contains(lang);
        boolean mostlyCaps = t.letters >= 12 && t.upperLetters * 2 >= t.letters;

        double sum = 0;
        int polarityHits = 0;
        int skipUntil = 0;
        int lastEnd = 0;
        for (int i = 0; i < t.size(); i++) {
            if (i < skipUntil) {
                continue;
            }
            SentimentLexicon.Entry e = SentimentLexicon.match(SentimentLexicon.Section.POLARITY, cands[i], t.words, i);
            if (e == null) {
                continue;
            }
            int len = e.tokens().length;
            skipUntil = i + len;
            double w = e.weight();
            String shown = String.join(" ", t.words.subList(i, i + len));
            boolean emoji = Tokens.isEmoji(shown.codePointAt(0));
            String qualifier = "";
            SentimentLexicon.Entry intensifier = emoji ? null
                    : near(cands, SentimentLexicon.Section.INTENSIFIER, t, i, false, lastEnd);
            if (intensifier != null) {
                w *= intensifier.weight();
                shown = intensifier.text() + " " + shown;
                qualifier = intensifier.weight() >= 1 ? " (intensified)" : " (softened)";
            }
            if (!mostlyCaps && t.shouted.get(i)) {
                w *= 1.3;
                shown = shown.toUpperCase(Locale.ROOT);
                qualifier += " (in capitals)";
            }
            SentimentLexicon.Entry negation = null;
            if (!emoji && !isNegator(cands, t, i)) {
                negation = near(cands, SentimentLexicon.Section.NEGATION, t, i, false, lastEnd);
                if (negation == null && trailing) {
                    SentimentLexicon.Entry after = near(cands, SentimentLexicon.Section.NEGATION, t, i + len - 1, true,
                            0);
                    if (after != null) {
                        negation = after;
                        shown = shown + " … " + after.text();
                    }
                } else if (negation != null) {
                    shown = negation.text() + " " + shown;
                }
            }
            if (negation != null) {
                cues.add((w > 0 ? "negated positive: '" : "negated negative: '") + shown + "'" + qualifier);
                w = -w * NEGATION_FACTOR;
            } else {
                cues.add((w > 0 ? "positive: '" : w < 0 ? "negative: '" : "neutral: '") + shown + "'" + qualifier);
            }
            lastEnd = i + len;
            sum += w;
            polarityHits++;
        }
        if (sum < 0 && t.exclamations > 0) {
            sum *= 1 + 0.08 * Math.min(t.exclamations, 4);
        }
        double score = sum / Math.sqrt(sum * sum + SQUASH);

        double frustration = 0;
        frustration += cueSum(cands, SentimentLexicon.Section.REPEAT, t, cues, "repeated contact");
        frustration += cueSum(cands, SentimentLexicon.Section.FRUSTRATION, t, cues, "frustration");
        double urgency = cueSum(cands, SentimentLexicon.Section.URGENCY, t, cues, "urgency");
        if (score < 0.1) {
            if (mostlyCaps) {
                frustration += 0.3;
                cues.add("shouting: " + 100 * t.upperLetters / t.letters + "% capitals");
            }
            if (t.exclamations >= 2) {
                frustration += Math.min(0.3, 0.1 + 0.05 * (t.exclamations - 2));
                cues.add(t.exclamations + " exclamation marks");
            }
            if (score < -0.5) {
                frustration += (-score - 0.5) * 0.6;
            }
        }
        if (urgency > 0 && t.exclamations >= 2) {
            urgency += 0.1;
        }
        frustration = clamp01(frustration);
        urgency = clamp01(urgency);

        Sentiment.Polarity polarity = score >= threshold ? Sentiment.Polarity.POSITIVE
                : score <= -threshold ? Sentiment.Polarity.NEGATIVE : Sentiment.Polarity.NEUTRAL;
        double confidence;
        if (polarityHits == 0) {
            confidence = 0.6;
            reasons.add("no sentiment words");
        } else if (polarity == Sentiment.Polarity.NEUTRAL) {
            confidence = 0.5 + 0.4 * (1 - Math.abs(score) / threshold);
        } else {
            confidence = 0.5 + 0.5 * Math.min(1, (Math.abs(score) - threshold) / (1 - threshold) + 0.2);
        }
        reasons.add(polarity.name().toLowerCase(Locale.ROOT) + ", score " + fmt(score) + " from " + polarityHits
                + " sentiment cue(s)");
        if (frustration > 0) {
            reasons.add("frustration " + fmt(frustration));
        }
        if (urgency > 0) {
            reasons.add("urgency " + fmt(urgency));
        }
        if (t.size() > 0 && text.length() > maxChars) {
            reasons.add("read the first " + maxChars + " of " + text.length() + " chars");
        }
        reasons.addAll(cues);
        Sentiment s = new Sentiment(polarity, clamp(score), frustration, urgency, cues);
        return new Decision<>(s, clamp01(confidence), reasons, NAME);
    }

    /**
     * A negator or intensifier within the window before (or, if {@code after}, after) token
     * {@code i}, in the same clause and not before token {@code notBefore}.
     */
    private static SentimentLexicon.Entry near(SentimentLexicon.Entry[][] cands, SentimentLexicon.Section section, Tokens t,
            int i, boolean after, int notBefore) {
        int clause = t.clauses.get(i);
        for (int d = 1; d <= NEGATION_WINDOW; d++) {
            int j = after ? i + d : i - d;
            // a word already used by an earlier sentiment phrase cannot also modify this one
            if (j < notBefore || j >= t.size() || !t.clauses.get(j).equals(clause)) {
                return null;
            }
            SentimentLexicon.Entry e = SentimentLexicon.match(section, cands[j], t.words, j);
            if (e != null && (after || j + e.tokens().length <= i)) {
                return e;
            }
            if (section == SentimentLexicon.Section.INTENSIFIER && d >= 2) {
                return null;
            }
        }
        return null;
    }

    private static boolean isNegator(SentimentLexicon.Entry[][] cands, Tokens t, int i) {
        return SentimentLexicon.match(SentimentLexicon.Section.NEGATION, cands[i], t.words, i) != null;
    }

    private static double cueSum(SentimentLexicon.Entry[][] cands, SentimentLexicon.Section section, Tokens t,
            List<String> cues, String label) {
        double sum = 0;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < t.size(); i++) {
            SentimentLexicon.Entry e = SentimentLexicon.match(section, cands[i], t.words, i);
            if (e != null && seen.add(e.text())) {
                sum += e.weight();
                cues.add(label + ": '" + e.text() + "'");
                i += e.tokens().length - 1;
            }
        }
        return sum;
    }

    /** Two decimals; {@code String.format} would cost more than the analysis. */
    static String fmt(double v) {
        long h = Math.round(Math.abs(v) * 100);
        return (v < 0 && h > 0 ? "-" : "") + h / 100 + "." + (h % 100 < 10 ? "0" : "") + h % 100;
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double clamp(double v) {
        return Math.max(-1, Math.min(1, v));
    }

    /** Lexicons and limits of a {@link LexiconSentimentAnalyzer}. */
    public static final class Builder {
        private final Map<String, SentimentLexicon> lexicons = new HashMap<>();
        private SentimentLexicon common;
        private int maxChars = 4000;
        private double threshold = 0.3;

        private Builder() {
            for (String lang : SHIPPED) {
                lexicons.put(lang, SentimentLexicon.resource(RESOURCE_DIR + lang + ".lex"));
            }
            common = SentimentLexicon.resource(RESOURCE_DIR + "common.lex");
        }

        /** Uses {@code lexicon} for {@code language}, replacing the shipped one. */
        public Builder lexicon(String language, SentimentLexicon lexicon) {
            lexicons.put(language.toLowerCase(Locale.ROOT), Objects.requireNonNull(lexicon));
            return this;
        }

        /** Adds {@code extra} entries to {@code language}'s lexicon (or starts one). */
        public Builder extend(String language, SentimentLexicon extra) {
            lexicons.merge(language.toLowerCase(Locale.ROOT), Objects.requireNonNull(extra), SentimentLexicon::merge);
            return this;
        }

        /** Language-independent cues (emoji, emoticons); replaces the shipped {@code common.lex}. */
        public Builder common(SentimentLexicon lexicon) {
            this.common = Objects.requireNonNull(lexicon);
            return this;
        }

        /** Longer texts are cut to this many chars before reading. */
        public Builder maxChars(int maxChars) {
            if (maxChars < 16) {
                throw new IllegalArgumentException("maxChars must be at least 16, was " + maxChars);
            }
            this.maxChars = maxChars;
            return this;
        }

        /** |score| from which a text counts as positive or negative rather than neutral. */
        public Builder threshold(double threshold) {
            if (!(threshold > 0 && threshold < 1)) {
                throw new IllegalArgumentException("threshold must be in (0,1), was " + threshold);
            }
            this.threshold = threshold;
            return this;
        }

        public LexiconSentimentAnalyzer build() {
            return new LexiconSentimentAnalyzer(this);
        }
    }
}
