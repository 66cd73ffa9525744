package dev.deskassist.core.triage;

import java.util.List;

/**
 * How the customer feels: a polarity with a score from -1 (very negative) to 1 (very positive),
 * and separate frustration and urgency levels (0 to 1) with the cues that raised them.
 */
public record Sentiment(Polarity polarity, double score, double frustration, double urgency, List<String> cues) {

    /** Overall tone of the customer's words. */
    public enum Polarity { NEGATIVE, NEUTRAL, POSITIVE }

    public static final Sentiment NEUTRAL = new Sentiment(Polarity.NEUTRAL, 0.0, 0.0, 0.0, List.of());

    public Sentiment {
        if (score < -1.0 || score > 1.0 || Double.isNaN(score)) {
            throw new IllegalArgumentException("score must be in [-1,1]");
        }
        if (frustration < 0.0 || frustration > 1.0 || urgency < 0.0 || urgency > 1.0) {
            throw new IllegalArgumentException("frustration and urgency must be in [0,1]");
        }
        cues = cues == null ? List.of() : List.copyOf(cues);
    }

    /** Strongly negative or clearly frustrated: a human should look soon. */
    public boolean isUpset() {
        return score <= -0.6 || frustration >= 0.7;
    }
}
