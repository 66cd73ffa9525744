package dev.deskassist.core.backtest.internal;

import dev.deskassist.core.backtest.ExportFormat;
import dev.deskassist.core.backtest.HistoricalTicket;
import dev.deskassist.core.backtest.ReadSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

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

    /** Hands a mapped record's ticket on and counts it; {@code null} (no id, already counted) is skipped. */
    void take(HistoricalTicket t, Consumer<HistoricalTicket> sink) {
        if (t != null) {
            tickets++;
            sink.accept(t);
        }
    }

    /** {@code s} cut to {@code max} characters, counting the cut. */
    String cut(String s, int max) {
        if (s != null && s.length() > max) {
            textsCut++;
            return s.substring(0, max);
        }
        return s;
    }

    /** The creation time, counting a present but unreadable one. */
    Instant time(String created) {
        Instant at = Times.parse(created);
        if (at == null && created != null && !created.isBlank()) {
            unreadableTimes++;
        }
        return at;
    }

    public ReadSummary summary(ExportFormat format) {
        return new ReadSummary(format, records, tickets, malformed, missingId, truncated, truncation, unknownColumns,
                textsCut, unreadableTimes, notes);
    }
}
