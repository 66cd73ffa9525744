package dev.deskassist.core.backtest;

import java.util.List;
import java.util.Map;

/**
 * Everything in the input that could skew the figures, counted: the read summary, duplicated
 * ids (the last copy is kept), tickets whose creation time goes back in file order (the run sorts
 * them), tickets left out because they have no time (under a time split) or no text, tickets
 * without any human decision, human categories the taxonomy does not know (with counts), and
 * tickets the pipeline failed on.
 */
public record DataQuality(ReadSummary read, long duplicates, long outOfOrder, long missingCreatedAt,
                          long withoutText, long withoutAnyDecision, Map<String, Long> unknownCategories,
                          long failed, List<String> notes) {

    public DataQuality {
        unknownCategories = Map.copyOf(unknownCategories);
        notes = List.copyOf(notes);
    }
}
