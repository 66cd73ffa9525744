package dev.deskassist.core.triage.classify;

import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.json.JsonException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads labeled texts from a CSV file with a header row, or from JSON lines
 * ({@code {"text": ..., "label": ...}} per line; files ending in {@code .jsonl}, {@code .ndjson}
 * or {@code .json}). The text may be several columns (e.g. subject and body), joined by a line
 * break. Rows with a blank text or label are skipped and counted (see {@link TrainingData}).
 *
 * <pre>{@code
 * TrainingData data = TrainingDataReader.builder().textColumns("subject", "body").labelColumn("queue")
 *         .build().read(Path.of("tickets.csv"));
 * }</pre>
 *
 * @param textColumns columns (CSV) or keys (JSON lines) whose values make up the text
 * @param labelColumn column or key of the label
 */
public record TrainingDataReader(List<String> textColumns, String labelColumn) {

    private static final int MAX_SKIPPED_LINES = 20;

    public TrainingDataReader {
        textColumns = List.copyOf(textColumns);
        Objects.requireNonNull(labelColumn, "labelColumn");
        if (textColumns.isEmpty()) {
            throw new IllegalArgumentException("at least one text column is needed");
        }
    }

    /** Text in {@code text}, label in {@code label}. */
    public static TrainingDataReader defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads a file; the format follows from its name (JSON lines or else CSV). */
    public TrainingData read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TrainingDataException(file.toString(), 0, "file not found");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")
                    ? readJsonLines(in, file.toString())
                    : readCsv(in, file.toString());
        } catch (CharacterCodingException e) {
            throw new TrainingDataException(file.toString(), 0, "not UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads CSV with a header row from {@code in}; {@code source} names it in messages. */
    public TrainingData readCsv(Reader in, String source) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).build();
        CSVParser parser;
        try {
            parser = CSVParser.parse(in, format);
        } catch (IllegalArgumentException | IOException e) {
            throw new TrainingDataException(source, 1, "cannot read the CSV header row (" + e.getClass().getSimpleName() + ")", e);
        }
        try (parser) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new TrainingDataException(source, 0, "empty file: no header row");
            }
            List<String> needed = new ArrayList<>(textColumns);
            needed.add(labelColumn);
            for (String col : needed) {
                if (!header.contains(col)) {
                    throw new TrainingDataException(source, 1, "no column '" + col + "'; the columns are " + header);
                }
            }
            List<Example> examples = new ArrayList<>();
            Skips skips = new Skips();
            long line = parser.getCurrentLineNumber() + 1;
            try {
                for (CSVRecord r : parser) {
                    if (!r.isConsistent() && r.size() <= header.indexOf(labelColumn)) {
                        throw new TrainingDataException(source, line, "row has " + r.size() + " fields, the header has "
                                + header.size());
                    }
                    StringBuilder text = new StringBuilder();
                    for (String col : textColumns) {
                        String v = r.isSet(col) ? r.get(col) : "";
                        if (!v.isBlank()) {
                            if (text.length() > 0) {
                                text.append('\n');
                            }
                            text.append(v.strip());
                        }
                    }
                    String label = r.isSet(labelColumn) ? r.get(labelColumn).strip() : "";
                    add(examples, skips, text.toString(), label, line);
                    line = parser.getCurrentLineNumber() + 1;
                }
            } catch (UncheckedIOException e) {
                throw new TrainingDataException(source, line, "malformed CSV near this line ("
                        + e.getCause().getClass().getSimpleName() + ")", e);
            }
            if (examples.isEmpty() && skips.count == 0) {
                throw new TrainingDataException(source, 0, "empty file: a header row but no data rows");
            }
            return new TrainingData(source, examples, skips.count, skips.lines);
        }
    }

    /** Reads JSON lines from {@code in}; blank lines are ignored. */
    public TrainingData readJsonLines(BufferedReader in, String source) throws IOException {
        List<Example> examples = new ArrayList<>();
        Skips skips = new Skips();
        long lineNo = 0;
        boolean anyLine = false;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            anyLine = true;
            Map<?, ?> obj;
            try {
                obj = JsonCodec.fromJson(line, Map.class);
            } catch (JsonException e) {
                // the parser message may quote the line, which may hold personal data
                throw new TrainingDataException(source, lineNo, "malformed JSON (expected one object per line)");
            }
            if (obj == null) {
                throw new TrainingDataException(source, lineNo, "malformed JSON (expected one object per line)");
            }
            StringBuilder text = new StringBuilder();
            boolean anyTextKey = false;
            for (String key : textColumns) {
                Object v = obj.get(key);
                anyTextKey |= obj.containsKey(key);
                if (v != null && !v.toString().isBlank()) {
                    if (text.length() > 0) {
                        text.append('\n');
                    }
                    text.append(v.toString().strip());
                }
            }
            if (!anyTextKey || !obj.containsKey(labelColumn)) {
                String missing = !anyTextKey ? String.join("/", textColumns) : labelColumn;
                throw new TrainingDataException(source, lineNo, "no key '" + missing + "'; the keys are " + obj.keySet());
            }
            Object label = obj.get(labelColumn);
            add(examples, skips, text.toString(), label == null ? "" : label.toString().strip(), lineNo);
        }
        if (!anyLine) {
            throw new TrainingDataException(source, 0, "empty file: no JSON lines");
        }
        return new TrainingData(source, examples, skips.count, skips.lines);
    }

    private static void add(List<Example> examples, Skips skips, String text, String label, long line) {
        if (text.isBlank() || label.isEmpty()) {
            skips.count++;
            if (skips.lines.size() < MAX_SKIPPED_LINES) {
                skips.lines.add(line);
            }
            return;
        }
        examples.add(new Example(text, label));
    }

    private static final class Skips {
        int count;
        final List<Long> lines = new ArrayList<>();
    }

    /** Builds a {@link TrainingDataReader}. */
    public static final class Builder {
        private List<String> textColumns = List.of("text");
        private String labelColumn = "label";

        private Builder() {
        }

        /** One or more columns joined into the text, in this order. */
        public Builder textColumns(String... columns) {
            this.textColumns = List.of(columns);
            return this;
        }

        public Builder textColumns(List<String> columns) {
            this.textColumns = List.copyOf(columns);
            return this;
        }

        public Builder labelColumn(String column) {
            this.labelColumn = column;
            return this;
        }

        public TrainingDataReader build() {
            return new TrainingDataReader(textColumns, labelColumn);
        }
    }
}
