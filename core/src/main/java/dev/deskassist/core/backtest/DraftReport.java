package dev.deskassist.core.backtest;

import java.util.List;
import java.util.Map;

/**
 * How the drafts compare with the agents' first public replies: word-overlap similarity (cosine
 * of word counts, 0 to 1) in ten buckets, and how often an article the draft cited is referred to
 * by the agent's reply (its URL, id or title). Scores only, no text.
 */
public record DraftReport(long scored, long drafted, long withAgentReply, long compared, double meanSimilarity,
                          double medianSimilarity, List<Long> histogram, long draftsCiting, long citationMatched,
                          Map<String, Double> meanSimilarityByCategory) {

    public DraftReport {
        histogram = List.copyOf(histogram);
        meanSimilarityByCategory = Map.copyOf(meanSimilarityByCategory);
    }

    /** Share of citing drafts (compared with a reply) whose cited article the agent referred to too. */
    public double citationMatchRate() {
        return draftsCiting == 0 ? Double.NaN : (double) citationMatched / draftsCiting;
    }
}
