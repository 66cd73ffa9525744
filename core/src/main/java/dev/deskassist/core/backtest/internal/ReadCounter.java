package dev.deskassist.core.backtest.internal;

import dev.deskassist.core.backtest.ExportFormat;
import dev.deskassist.core.backtest.ReadSummary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The mutable tally behind a {@link ReadSummary}; one per read, single-threaded. */
public final class ReadCounter {
    long records;
    long tickets;
    long malformed;
    long missingId;
    boolean truncated;
    String truncation;
    final Set<String> unknownColumns = new LinkedHashSet<>();
    long textsCut;
    long unreadableTimes;
    final List<String> notes = new ArrayList<>();

    void truncated(String why) {
        if (!truncated) {
            truncated = true;
            truncation = why;
        }
    }

    void note(String note) {
        if (notes.size() < 20 && !notes.contains(note)) {
            notes.add(note);
        }
    }

    public ReadSummary summary(ExportFormat format) {
        return new ReadSummary(format, records, tickets, malformed, missingId, truncated, truncation, unknownColumns,
                textsCut, unreadableTimes, notes);
    }
}
