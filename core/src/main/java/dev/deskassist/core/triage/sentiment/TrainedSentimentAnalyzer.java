package dev.deskassist.core.triage.sentiment;

import dev.deskassist.core.model.Decision;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.SentimentAnalyzer;
import dev.deskassist.core.triage.classify.internal.Probabilities;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Sentiment from a {@link SentimentModel} trained on the team's own messages, blended with the
 * lexicon at the model's weight: the polarity comes from the blended probabilities, frustration,
 * urgency and cues from the lexicon (the model does not learn them). Texts in a language the model
 * was not trained for are read by the lexicon alone, and the reasons say so. Thread-safe.
 *
 * <pre>{@code
 * SentimentAnalyzer sentiment = new TrainedSentimentAnalyzer(SentimentModel.load(path),
 *         LexiconSentimentAnalyzer.defaults());
 * OfflineTriage.builder().sentimentAnalyzer(sentiment) ...
 * }</pre>
 */
public final class TrainedSentimentAnalyzer implements SentimentAnalyzer {

    static final String NAME = "trained-sentiment";

    private final SentimentModel model;
    private final LexiconSentimentAnalyzer lexicon;

    public TrainedSentimentAnalyzer(SentimentModel model, LexiconSentimentAnalyzer lexicon) {
        this.model = Objects.requireNonNull(model, "model");
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    }

    public SentimentModel model() {
        return model;
    }

    @Override
    public Decision<Sentiment> analyze(String text, String language) {
        Decision<Sentiment> lex = lexicon.analyze(text, language);
        if (text == null || text.isBlank()) {
            return lex;
        }
        if (!model.covers(language)) {
            return lex.withReason("trained sentiment model is for " + model.languages() + ", not '" + language
                    + "': the lexicon alone decided");
        }
        double[] p = model.decide(model.probabilities(text), lexiconDistribution(lex));
        int top = Probabilities.argmax(p);
        Sentiment.Polarity polarity = SentimentModel.polarity(top);
        double score = Math.max(-1, Math.min(1, p[2] - p[0]));
        Sentiment cues = lex.hasValue() ? lex.value() : Sentiment.NEUTRAL;
        Sentiment s = new Sentiment(polarity, score, cues.frustration(), cues.urgency(), cues.cues());
        List<String> reasons = new ArrayList<>();
        reasons.add(polarity.name().toLowerCase(Locale.ROOT) + " by the trained model " + model.version()
                + " (negative " + LexiconSentimentAnalyzer.fmt(p[0]) + ", neutral " + LexiconSentimentAnalyzer.fmt(p[1])
                + ", positive " + LexiconSentimentAnalyzer.fmt(p[2]) + "; lexicon weight "
                + LexiconSentimentAnalyzer.fmt(model.lexiconWeight()) + ")");
        reasons.addAll(lex.reasons());
        return Decision.of(s, p[top], NAME, reasons);
    }

    /**
     * The lexicon's answer as a distribution over negative, neutral, positive: its confidence on
     * its polarity, the rest split evenly; no answer is an even split.
     */
    static double[] lexiconDistribution(Decision<Sentiment> lexicon) {
        double[] lex = new double[SentimentModel.LABELS.size()];
        if (!lexicon.hasValue()) {
            Arrays.fill(lex, 1.0 / lex.length);
            return lex;
        }
        double c = lexicon.confidence();
        Arrays.fill(lex, (1 - c) / (lex.length - 1));
        lex[lexicon.value().polarity().ordinal()] = c;
        return lex;
    }

    @Override
    public String toString() {
        return "TrainedSentimentAnalyzer[" + model + "]";
    }
}
