package dev.deskassist.core.backtest;

import dev.deskassist.core.backtest.internal.ExportParsers;
import dev.deskassist.core.backtest.internal.ReadCounter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads a historical ticket export one record at a time and hands each ticket to a consumer:
 * memory does not grow with the export. Bad records are counted in the returned
 * {@link ReadSummary}, never thrown; only an unreadable file throws.
 *
 * <pre>{@code
 * ExportReader reader = ExportReader.of(ExportFormat.ZENDESK_NDJSON, ExportMapping.defaults(ExportFormat.ZENDESK_NDJSON));
 * ReadSummary s = reader.read(Path.of("tickets.ndjson"), tickets::add);
 * }</pre>
 */
public final class ExportReader {

    /**
     * Texts longer than this are cut (and counted). Triage reads no more than 8,000 characters
     * anyway, and the run holds every ticket until the time split is known: a pasted log must not
     * hold the whole run's memory.
     */
    public static final int MAX_TEXT_CHARS = 8_000;

    private final ExportFormat format;
    private final ExportMapping mapping;

    private ExportReader(ExportFormat format, ExportMapping mapping) {
        this.format = Objects.requireNonNull(format, "format");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
    }

    public static ExportReader of(ExportFormat format, ExportMapping mapping) {
        return new ExportReader(format, mapping);
    }

    public ExportFormat format() {
        return format;
    }

    public ReadSummary read(Path file, Consumer<HistoricalTicket> sink) {
        // malformed bytes become U+FFFD instead of failing the read: an export is rarely clean. An
        // InputStreamReader given a Charset replaces them; Files.newBufferedReader would throw.
        try (Reader in = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8), 1 << 16)) {
            return read(in, sink);
        } catch (IOException e) {
            throw new BacktestInputException(file + ": cannot read the export (" + e.getClass().getSimpleName() + ")",
                    e);
        }
    }

    /** Reads from {@code in}, which the caller closes. */
    public ReadSummary read(Reader in, Consumer<HistoricalTicket> sink) {
        ReadCounter counter = new ReadCounter();
        switch (format) {
            case ZENDESK, FRESHDESK, SERVICENOW -> ExportParsers.json(in, format, mapping, counter, MAX_TEXT_CHARS,
                    sink);
            case ZENDESK_NDJSON -> ExportParsers.ndjson(in, format, mapping, counter, MAX_TEXT_CHARS, sink);
            case CSV -> ExportParsers.csv(in, mapping, counter, MAX_TEXT_CHARS, sink);
        }
        return counter.summary(format);
    }
}
