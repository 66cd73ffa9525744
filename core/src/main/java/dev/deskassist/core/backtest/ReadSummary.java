package dev.deskassist.core.backtest;

import java.util.List;
import java.util.Set;

/**
 * What reading an export met, counted: records seen, tickets taken, records that could not be
 * used and why, whether the input ended early (a truncated file: the tickets read before the
 * break are kept and the break is reported), CSV columns no mapping uses, texts cut to the
 * length limit, timestamps that could not be read. Nothing here holds ticket text.
 */
public record ReadSummary(
        ExportFormat format,
        long records,
        long tickets,
        long malformed,
        long missingId,
        boolean truncated,
        String truncation,
        Set<String> unknownColumns,
        long textsCut,
        long unreadableTimes,
        List<String> notes) {

    public ReadSummary {
        unknownColumns = unknownColumns == null ? Set.of() : Set.copyOf(new java.util.TreeSet<>(unknownColumns));
        notes = notes == null ? List.of() : List.copyOf(notes);
        truncation = truncation == null ? "" : truncation;
    }
}
