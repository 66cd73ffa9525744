package dev.deskassist.core.triage;

import dev.deskassist.core.model.Decision;

/** Reads the customer's sentiment, frustration and urgency from their text in a given language. */
@FunctionalInterface
public interface SentimentAnalyzer {

    Decision<Sentiment> analyze(String text, String language);
}
